using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;

namespace CharRnnLab.Core.Tests.Fixtures;

/// <summary>A minimal independent .npy (v1.0) reader for tests: validates the layout numpy expects.</summary>
internal static partial class NpyReader
{
    public sealed record Npy(string Descr, bool FortranOrder, long[] Shape, int HeaderBytes, byte[] Data)
    {
        public float[] Floats() => Enumerable.Range(0, Data.Length / 4).Select(i => BinaryPrimitives.ReadSingleLittleEndian(Data.AsSpan(i * 4))).ToArray();
        public int[] Ints() => Enumerable.Range(0, Data.Length / 4).Select(i => BinaryPrimitives.ReadInt32LittleEndian(Data.AsSpan(i * 4))).ToArray();
    }

    public static Npy Read(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0 }, bytes[..8]);
        int headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8));
        int total = 10 + headerLength;
        Assert.Equal(0, total % 64);
        string header = Encoding.ASCII.GetString(bytes, 10, headerLength);
        Assert.EndsWith("\n", header);
        var match = HeaderPattern().Match(header);
        Assert.True(match.Success, $"unexpected header: {header}");
        long[] shape = match.Groups["shape"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(long.Parse).ToArray();
        return new Npy(match.Groups["descr"].Value, match.Groups["fortran"].Value == "True", shape, total, bytes[total..]);
    }

    [GeneratedRegex(@"^\{'descr': '(?<descr>[<>|][a-z]\d)', 'fortran_order': (?<fortran>True|False), 'shape': \((?<shape>[\d, ]*)\), \} *\n$")]
    private static partial Regex HeaderPattern();
}
