/** Chinese messages for what the disk says when a file cannot be written or read. */

export const errorCode = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : undefined;

/** The system's error code (EXDEV, ELOOP…) for support, never its English sentence. */
const codeText = (e: unknown): string => (errorCode(e) ? ` ${errorCode(e)}` : '');

export const describeWriteError = (e: unknown, fileName: string): string => {
  const f = `「${fileName}」`;
  switch (errorCode(e)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `磁盘空间不足，无法保存${f}。请清理磁盘或另存到其他位置；当前内容仍保留在程序中，尚未保存。`;
    case 'EROFS':
      return `目标位置是只读的（如光盘或只读共享文件夹），无法保存${f}。请另存到其他位置；当前内容仍保留在程序中，尚未保存。`;
    case 'EREADONLY':
      return `文件${f}是只读的，未覆盖。请另存为其他文件，或在文件属性中取消「只读」后再保存；当前内容仍保留在程序中，尚未保存。`;
    case 'EDANGLINGLINK':
      return `${f}是一个快捷方式（符号链接），但它指向的文件已不存在，无法保存。请另存到其他位置；当前内容仍保留在程序中，尚未保存。`;
    case 'EACCES':
    case 'EPERM':
      return `没有写入权限，无法保存${f}。文件可能设为只读、被其他程序（如 WPS、Word）占用，或该文件夹不允许写入。请另存到其他位置；当前内容仍保留在程序中，尚未保存。`;
    case 'EBUSY':
    case 'ETXTBSY':
      return `文件${f}正被其他程序占用，无法保存。请关闭占用该文件的程序后重试，或另存为其他文件；当前内容仍保留在程序中，尚未保存。`;
    case 'EISDIR':
      return `${f}是一个文件夹，不能作为文件保存。请另选文件名；当前内容仍保留在程序中，尚未保存。`;
    case 'ENOENT':
    case 'ENOTDIR':
      return `保存位置不存在（文件夹可能已被删除或移动，或 U 盘已拔出），无法保存${f}。请另存到其他位置；当前内容仍保留在程序中，尚未保存。`;
    case 'ENAMETOOLONG':
      return `文件名或路径过长，无法保存${f}。请使用较短的文件名或文件夹；当前内容仍保留在程序中，尚未保存。`;
    case 'EIO':
      return `磁盘读写错误，无法保存${f}（磁盘或网络共享可能出现故障）。请另存到其他位置；当前内容仍保留在程序中，尚未保存。`;
    default:
      return `无法保存${f}（系统错误${codeText(e)}）。请另存到其他位置后重试；当前内容仍保留在程序中，尚未保存。`;
  }
};

export const describeReadError = (e: unknown, fileName: string): string => {
  const f = `「${fileName}」`;
  switch (errorCode(e)) {
    case 'ENOENT':
      return `文件${f}不存在，可能已被删除或移动。`;
    case 'EACCES':
    case 'EPERM':
      return `没有读取文件${f}的权限。`;
    case 'EBUSY':
      return `文件${f}正被其他程序占用，无法读取。`;
    case 'EISDIR':
      return `${f}是一个文件夹，不是文件。`;
    default:
      return `无法读取文件${f}（系统错误${codeText(e)}）。请确认文件仍在原处且可以打开，或复制到本机后重试。`;
  }
};
