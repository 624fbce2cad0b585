using System.Globalization;
using Skillprint.Core.Scanning;

namespace Skillprint.Store.Engines;

/// <summary>
/// What a SQLite file looked like (size, modification time, inode) when it last passed SQLite's
/// quick check, or when Skillprint last wrote it after such a check, kept in a small file beside it
/// (<c>skillprint.db-checked</c>), so that a command need not read every page of an unchanged store.
/// The rule is git's for its index: the stamp counts only while the file still has it and its
/// modification time is older than the side file's own (the same file system's clock): a write
/// after the stamp was taken, even within the same tick of the clock and keeping the size, leaves
/// the file with a time no older than the side file's, so the check runs again. A side file that
/// is missing, unreadable or not in this form counts as no stamp.
/// </summary>
internal static class CheckedStamp
{
    private const string Magic = "skillprint-quick-check 1";

    /// <summary>How long <see cref="Record"/> waits at most for the file system's clock to move past
    /// the file's last write (a tick is a few milliseconds on Linux; FAT's 2 s are not waited for).</summary>
    private const int MaxWaitMilliseconds = 40;

    public static string SideFile(string database) => database + "-checked";

    /// <summary>True when the file is as it was when last stamped, and the stamp was settled.</summary>
    public static bool Holds(string database)
    {
        try
        {
            var side = SideFile(database);
            if (!File.Exists(side))
            {
                return false;
            }

            var parts = File.ReadAllText(side).Split(' ', '\n');
            if (parts.Length != 6 || $"{parts[0]} {parts[1]}" != Magic || parts[5].Length != 0
                || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
                || !long.TryParse(parts[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var modified)
                || !long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var inode))
            {
                return false;
            }

            var stamp = new FileStamp(size, modified, inode);
            return FileStamp.Of(database) == stamp && stamp.ModifiedNs < FileStamp.Of(side).ModifiedNs;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Stamps the file as it is now (it has just passed the check, or only this process's SQLite
    /// writes changed it since). When the file's last write and the side file fall in the same tick
    /// of the clock, the side file is written again a little later, so the stamp settles; if the
    /// clock is too coarse for that, the next command runs the check. A side file that cannot be
    /// written leaves things as they were: the check runs every time, as before.
    /// </summary>
    public static void Record(string database)
    {
        var side = SideFile(database);
        var temporary = $"{side}.{Environment.ProcessId}.tmp";
        try
        {
            var stamp = FileStamp.Of(database);
            for (var waited = 0; ; waited += 10)
            {
                File.WriteAllText(temporary, string.Create(CultureInfo.InvariantCulture, $"{Magic} {stamp.Size} {stamp.ModifiedNs} {stamp.Inode}\n"));
                File.Move(temporary, side, overwrite: true);
                if (stamp.ModifiedNs < FileStamp.Of(side).ModifiedNs || waited >= MaxWaitMilliseconds)
                {
                    return;
                }

                Thread.Sleep(10);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception again) when (again is IOException or UnauthorizedAccessException)
            {
            }
        }
    }
}
