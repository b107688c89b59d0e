using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Outpost.Agent.Updates.Engine;

/// <summary>
/// The two POSIX calls .NET does not expose: rename(2) of a symbolic link over another (File.Move checks the link's
/// target, which is a folder) and fsync(2) of a folder (FileStream refuses folders). Both are what makes a rename
/// durable: without the folder fsync a power cut may forget it.
/// </summary>
internal static partial class Posix
{
    public static void Rename(string from, string to)
    {
        if (RenameNative(from, to) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"rename {from} -> {to} failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
        }
    }

    /// <summary>Flushes a folder's entries (renames, creations, deletions in it) to disk.</summary>
    public static void SyncDirectory(string path)
    {
        var fd = Open(path, 0); // O_RDONLY: O_DIRECTORY differs between x64 and arm64, and is not needed to fsync.
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"open {path} failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                throw new IOException($"fsync {path} failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    /// <summary>Flushes a file's data to disk (FileStream only flushes streams opened for writing).</summary>
    public static void SyncFile(SafeFileHandle handle, string path)
    {
        if (FsyncHandle(handle) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"fsync {path} failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
        }
    }

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int FsyncHandle(SafeFileHandle fd);

    [LibraryImport("libc", EntryPoint = "rename", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int RenameNative(string oldPath, string newPath);

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
