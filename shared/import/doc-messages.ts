/** What the .doc reader tells the clerk when a Word 97–2003 file cannot be read (shared by its two halves). */
export const DOC_DAMAGED = 'Word 文件已损坏或结构不受支持（文字索引无效），请在 Word/WPS 中打开后“另存为” .docx 再导入';
export const DOC_ENCRYPTED = '这个 Word 文件设置了打开密码，无法读取。请在 Word/WPS 中输入密码打开，取消密码后“另存为” .docx 再导入';
