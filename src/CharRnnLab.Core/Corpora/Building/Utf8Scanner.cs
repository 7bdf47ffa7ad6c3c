using System.Buffers;
using System.Text;

namespace CharRnnLab.Core.Corpora.Building;

/// <summary>
/// Checks one file's bytes chunk by chunk as they stream past: valid UTF-8 with no NUL byte, counting its
/// symbols (Unicode scalar values, as the lab's vocabulary counts them) and the distinct ones. A sequence
/// split across two chunks is carried over.
/// </summary>
internal sealed class Utf8Scanner
{
    private readonly byte[] _carry = new byte[4];
    private int _carried;
    private readonly bool[] _ascii = new bool[128];
    private readonly HashSet<int> _others = [];

    public long Characters { get; private set; }

    /// <summary>Set once the bytes are found not to be text; scanning stops there.</summary>
    public SkipReason? Problem { get; private set; }

    /// <summary>Takes the next chunk; false (and <see cref="Problem"/> set) when it is not UTF-8 text.</summary>
    public bool Scan(ReadOnlySpan<byte> chunk)
    {
        ReadOnlySpan<byte> whole = chunk;
        while (_carried > 0 && !chunk.IsEmpty)
        {
            _carry[_carried++] = chunk[0];
            chunk = chunk[1..];
            var status = Rune.DecodeFromUtf8(_carry.AsSpan(0, _carried), out var rune, out _);
            if (status == OperationStatus.Done) { Count(rune); _carried = 0; }
            else if (status != OperationStatus.NeedMoreData || _carried == _carry.Length) return Fail(whole);
        }
        for (int i = 0; i < chunk.Length;)
        {
            byte b = chunk[i];
            if (b is > 0 and < 0x80) { _ascii[b] = true; Characters++; i++; continue; }
            if (b == 0) return Fail(whole);
            var status = Rune.DecodeFromUtf8(chunk[i..], out var rune, out int used);
            if (status == OperationStatus.Done) { Count(rune); i += used; }
            else if (status == OperationStatus.NeedMoreData) { chunk[i..].CopyTo(_carry); _carried = chunk.Length - i; break; }
            else return Fail(whole);
        }
        return true;
    }

    /// <summary>At the end of the file: false when it stops inside a character.</summary>
    public bool Finish() => _carried == 0 || Fail([]);

    /// <summary>Adds this file's distinct symbols to <paramref name="symbols"/>.</summary>
    public void AddSymbolsTo(HashSet<int> symbols)
    {
        for (int b = 0; b < _ascii.Length; b++) if (_ascii[b]) symbols.Add(b);
        symbols.UnionWith(_others);
    }

    private void Count(Rune rune)
    {
        Characters++;
        if (rune.Value < _ascii.Length) _ascii[rune.Value] = true;
        else _others.Add(rune.Value);
    }

    /// <summary>A NUL anywhere in the chunk says binary (an image starts with bytes that are not UTF-8 first).</summary>
    private bool Fail(ReadOnlySpan<byte> chunk)
    {
        Problem = chunk.IndexOf((byte)0) >= 0 ? SkipReason.Binary : SkipReason.NotUtf8;
        return false;
    }
}
