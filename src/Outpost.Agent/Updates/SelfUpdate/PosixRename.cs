using System.Runtime.InteropServices;

namespace Outpost.Agent.Updates.SelfUpdate;

/// <summary>
/// rename(2) itself. File.Move refuses a symbolic link whose target is a folder (it checks the source is a file,
/// following the link), and Directory.Move refuses an existing destination; swapping a link atomically needs neither check.
/// </summary>
internal static partial class PosixRename
{
    public static void Over(string source, string destination)
    {
        if (Rename(source, destination) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"rename {source} -> {destination} failed: {Marshal.GetPInvokeErrorMessage(errno)}", errno);
        }
    }

    [LibraryImport("libc", EntryPoint = "rename", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Rename(string oldPath, string newPath);
}
