#ifndef PORTAL_SYS_H
#define PORTAL_SYS_H

#include <dirent.h>

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE), so the published
/// output folder is replaced in one step. Returns 0, or -1 with errno set (EINVAL or ENOSYS
/// where the file system or kernel cannot exchange; the caller then falls back to renames).
int portal_exchange_paths(const char *a, const char *b);

/// Flushes the file system holding the open file `fd` to disk (Linux syncfs; elsewhere sync).
int portal_syncfs(int fd);

/// The name and type of an entry `readdir` returned, read in place. A `struct dirent` from
/// `readdir` is only `d_reclen` bytes long, so copying the whole struct (as Swift's
/// `entry.pointee` does) reads past it, and faults when the entry ends a page.
const char *portal_dirent_name(const struct dirent *entry);
unsigned char portal_dirent_type(const struct dirent *entry);

#endif
