#ifndef PORTAL_SYS_H
#define PORTAL_SYS_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE), so the published
/// output folder is replaced in one step. Returns 0, or -1 with errno set (EINVAL or ENOSYS
/// where the file system or kernel cannot exchange; the caller then falls back to renames).
int portal_exchange_paths(const char *a, const char *b);

/// Flushes the file system holding the open file `fd` to disk (Linux syncfs; elsewhere sync).
int portal_syncfs(int fd);

#endif
