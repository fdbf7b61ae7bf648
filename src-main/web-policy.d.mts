export declare const CONTENT_SECURITY_POLICY: string;
export declare const CONTENT_TYPES: Readonly<Record<string, string>>;
