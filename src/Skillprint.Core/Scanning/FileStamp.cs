using System.Runtime.InteropServices;

namespace Skillprint.Core.Scanning;

/// <summary>
/// What the file system says of a file, as git's index keeps it: its size, its last modification
/// (nanoseconds since the Unix epoch) and its inode (0 where the platform does not tell). A file
/// whose stamp is the one stored at the last scan, and whose modification is older than that
/// scan's start, can be taken as unchanged without reading it (see <see cref="IsSettled"/>).
/// </summary>
public readonly record struct FileStamp(long Size, long ModifiedNs, long Inode)
{
    /// <summary>
    /// How far back from a scan's start a modification still counts as racy: the coarsest
    /// timestamp resolution in use (FAT keeps 2 s; ext3 and HFS+ whole seconds; ext4's clock
    /// ticks a few milliseconds behind the precise one). A file written at or after the scan's start
    /// gets a time no older than this before it.
    /// </summary>
    public const long RacyWindowNs = 2_000_000_000;

    /// <summary>
    /// True when a file whose stamp equals the one stored by a scan that started at
    /// <paramref name="scanStartNs"/> (real clock, ns since the epoch) can be taken as unchanged:
    /// its modification is older than the scan's start by more than <see cref="RacyWindowNs"/>.
    /// Otherwise the file may have changed within the same timestamp after that scan read it
    /// (git's "racy clean" case), and its content must be hashed.
    /// </summary>
    public bool IsSettled(long scanStartNs) => ModifiedNs < scanStartNs - RacyWindowNs;

    /// <summary>The real clock now, in nanoseconds since the Unix epoch: the clock file times are set from.</summary>
    public static long ClockNs() => (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) * 100;

    /// <summary>The stamp of the file at <paramref name="path"/> (a symbolic link is followed).
    /// Throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> as reading it would.</summary>
    public static FileStamp Of(string path)
    {
        if (OperatingSystem.IsLinux() && statxWorks && LinuxStat(path) is { } stamp)
        {
            return stamp;
        }

        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"{path}: no such file", path);
        }

        return new FileStamp(info.Length, (info.LastWriteTimeUtc.Ticks - DateTime.UnixEpoch.Ticks) * 100, 0);
    }

    private static volatile bool statxWorks = true;

    // statx(2): its struct has the same layout on every architecture (linux/stat.h), unlike stat's.
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1, StatxMtime = 0x40, StatxIno = 0x100, StatxSize = 0x200;
    private const int StatxBufferSize = 256;
    private const int OffsetMask = 0, OffsetMode = 28, OffsetIno = 32, OffsetSize = 40, OffsetMtime = 112;
    private const int ENOENT = 2, EACCES = 13, ENOTDIR = 20;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
#pragma warning disable SYSLIB1054 // a plain blittable call; LibraryImport would need unsafe code in Core
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
#pragma warning restore SYSLIB1054

    private static FileStamp? LinuxStat(string path)
    {
        var buffer = new byte[StatxBufferSize];
        int result;
        try
        {
            result = Statx(AtFdCwd, path, 0, StatxType | StatxMtime | StatxIno | StatxSize, buffer);
        }
        catch (Exception error) when (error is EntryPointNotFoundException or DllNotFoundException)
        {
            statxWorks = false; // a C library without statx (before glibc 2.28): FileInfo's view
            return null;
        }

        if (result != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw errno switch
            {
                ENOENT or ENOTDIR => new FileNotFoundException($"{path}: no such file", path),
                EACCES => new UnauthorizedAccessException($"{path}: permission denied"),
                _ => new IOException($"{path}: cannot be read ({Marshal.GetPInvokeErrorMessage(errno)})"),
            };
        }

        // The kernel fills the struct in the machine's own byte order.
        ReadOnlySpan<byte> span = buffer;
        var mask = MemoryMarshal.Read<uint>(span[OffsetMask..]);
        if ((mask & (StatxMtime | StatxIno | StatxSize)) != (StatxMtime | StatxIno | StatxSize))
        {
            return null;
        }

        const int S_IFMT = 0xF000, S_IFDIR = 0x4000;
        if ((MemoryMarshal.Read<ushort>(span[OffsetMode..]) & S_IFMT) == S_IFDIR)
        {
            throw new UnauthorizedAccessException($"{path}: is a folder");
        }

        var inode = (long)MemoryMarshal.Read<ulong>(span[OffsetIno..]);
        var size = (long)MemoryMarshal.Read<ulong>(span[OffsetSize..]);
        var seconds = MemoryMarshal.Read<long>(span[OffsetMtime..]);
        var nanoseconds = MemoryMarshal.Read<uint>(span[(OffsetMtime + 8)..]);
        return new FileStamp(size, (seconds * 1_000_000_000) + nanoseconds, inode);
    }
}
