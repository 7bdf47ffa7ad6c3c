using System.IO.Compression;
using SharpCompress.Common;
using SharpCompress.Writers.Tar;

namespace CharRnnLab.Tests.Shared;

/// <summary>Small archives built in memory from (path, bytes) pairs, in the formats a corpus can be built from.</summary>
public static class TestArchives
{
    public static byte[] Tar(IEnumerable<(string Path, byte[] Bytes)> files)
    {
        var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, new TarWriterOptions(CompressionType.None, finalizeArchiveOnClose: true) { LeaveStreamOpen = true }))
            foreach (var (path, bytes) in files)
                writer.Write(path, new MemoryStream(bytes), new DateTime(2015, 5, 21, 0, 0, 0, DateTimeKind.Utc));
        return tar.ToArray();
    }

    public static byte[] TarXz(IEnumerable<(string Path, byte[] Bytes)> files) => XzContainer.Wrap(Tar(files));

    public static byte[] TarGz(IEnumerable<(string Path, byte[] Bytes)> files)
    {
        var gz = new MemoryStream();
        using (var zip = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true)) zip.Write(Tar(files));
        return gz.ToArray();
    }

    public static byte[] Zip(IEnumerable<(string Path, byte[] Bytes)> files)
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (path, bytes) in files)
            {
                using var entry = archive.CreateEntry(path, CompressionLevel.Optimal).Open();
                entry.Write(bytes);
            }
        return zip.ToArray();
    }
}
