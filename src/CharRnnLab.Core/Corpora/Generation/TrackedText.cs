using System.Text;

namespace CharRnnLab.Core.Corpora.Generation;

/// <summary>
/// A text under construction plus, for every character appended, the current value of each
/// ground-truth track. Generators flip a track before/after appending a delimiter so that
/// track[i] is the state after reading character i (see <see cref="CorpusTracks"/>).
/// </summary>
public sealed class TrackedText
{
    private readonly StringBuilder _text;
    private readonly float[][] _tracks;
    private readonly float[] _current = new float[CorpusTracks.All.Count];

    /// <param name="capacity">Characters to make room for up front.</param>
    /// <param name="keepTracks">Record each track per character. Without, only the current values are kept
    /// (generators still read them) and <see cref="Build"/> returns no tracks: 16 bytes less per character
    /// when only the text is wanted.</param>
    public TrackedText(int capacity = 1 << 16, bool keepTracks = true)
    {
        _text = new StringBuilder(capacity);
        _tracks = keepTracks ? CorpusTracks.All.Select(_ => new float[capacity]).ToArray() : [];
    }

    public int Length => _text.Length;

    public float this[string track]
    {
        get => _current[IndexOf(track)];
        set => _current[IndexOf(track)] = value;
    }

    public TrackedText Append(char c)
    {
        EnsureCapacity(_text.Length + 1);
        for (int t = 0; t < _tracks.Length; t++) _tracks[t][_text.Length] = _current[t];
        _text.Append(c);
        return this;
    }

    public TrackedText Append(string s)
    {
        foreach (char c in s) Append(c);
        return this;
    }

    /// <summary>Appends <paramref name="s"/> with <paramref name="track"/> set to <paramref name="value"/>, then restores it.</summary>
    public TrackedText AppendWith(string track, float value, string s)
    {
        float before = this[track];
        this[track] = value;
        Append(s);
        this[track] = before;
        return this;
    }

    /// <summary>
    /// Greedy word wrap of the text from <paramref name="start"/> on: spaces become newlines so
    /// no line exceeds <paramref name="width"/>. Lengths are unchanged, so tracks stay aligned;
    /// a newline inherits the track values of the space it replaced.
    /// </summary>
    public void WrapFrom(int start, int width)
    {
        int lineStart = start, lastSpace = -1;
        for (int i = start; i < _text.Length; i++)
        {
            char c = _text[i];
            if (c == '\n') { lineStart = i + 1; lastSpace = -1; continue; }
            if (c == ' ') lastSpace = i;
            if (i - lineStart + 1 > width && lastSpace > lineStart)
            {
                _text[lastSpace] = '\n';
                lineStart = lastSpace + 1;
                lastSpace = -1;
            }
        }
    }

    public GeneratedCorpus Build()
    {
        var tracks = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (int t = 0; t < _tracks.Length; t++) tracks[CorpusTracks.All[t]] = _tracks[t][.._text.Length];
        return new GeneratedCorpus(_text.ToString(), tracks);
    }

    private static int IndexOf(string track)
    {
        for (int t = 0; t < CorpusTracks.All.Count; t++)
            if (CorpusTracks.All[t] == track) return t;
        throw new ArgumentException($"unknown track '{track}'", nameof(track));
    }

    private void EnsureCapacity(int needed)
    {
        if (_tracks.Length == 0 || needed <= _tracks[0].Length) return;
        int size = Math.Max(needed, _tracks[0].Length * 2);
        for (int t = 0; t < _tracks.Length; t++) Array.Resize(ref _tracks[t], size);
    }
}
