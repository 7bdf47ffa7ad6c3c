using System.Security.Cryptography;
using System.Runtime.InteropServices;
using CharRnnLab.Core.Data;

namespace CharRnnLab.Core.Checkpoints;

/// <summary>
/// state.bin: what an exact resume needs beyond weights and optimizer: where the loader is,
/// the hidden state carried into the next minibatch, torch's CPU RNG (dropout), the first loss
/// (the divergence guard's yardstick) and a fingerprint of the corpus the cursor refers to.
/// </summary>
internal sealed record ResumeState(
    int BatchCursor,
    double? FirstLoss,
    string CorpusFingerprint,
    int HiddenStreams,
    float[] HiddenH,
    float[]? HiddenC,
    byte[] RngState)
{
    private const int Magic = 0x53_4E_52_43; // "CRNS"

    /// <summary>Length and SHA-256 of the encoded text: equal fingerprints mean the loader positions mean the same.</summary>
    public static string Fingerprint(Corpus corpus) =>
        $"{corpus.Length}:{Convert.ToHexString(SHA256.HashData(MemoryMarshal.AsBytes(corpus.Encoded.AsSpan())))}";

    public void Write(BinaryWriter w)
    {
        w.Write(Magic);
        w.Write(BatchCursor);
        w.Write(FirstLoss ?? double.NaN);
        w.Write(CorpusFingerprint);
        w.Write(HiddenStreams);
        WeightsFormat.WriteArray(w, HiddenH);
        WeightsFormat.WriteArray(w, HiddenC ?? []);
        w.Write(HiddenC is not null);
        w.Write(RngState.Length);
        w.Write(RngState);
    }

    public static ResumeState Read(BinaryReader r)
    {
        if (r.ReadInt32() != Magic) throw new InvalidDataException("state.bin has the wrong signature");
        int cursor = r.ReadInt32();
        if (cursor < 0) throw new InvalidDataException($"state.bin has a negative batch cursor ({cursor})");
        double first = r.ReadDouble();
        string fingerprint = r.ReadString();
        int streams = r.ReadInt32();
        float[] h = WeightsFormat.ReadArray(r, null, "hidden state h");
        float[] c = WeightsFormat.ReadArray(r, null, "hidden state c");
        bool hasC = r.ReadBoolean();
        byte[] rng = r.ReadBytes(r.ReadInt32());
        return new ResumeState(cursor, double.IsNaN(first) ? null : first, fingerprint, streams, h, hasC ? c : null, rng);
    }
}
