namespace CharRnnLab.Core.Corpora.Building;

/// <summary>The running count behind a <see cref="BuildSummary"/>, kept while a build goes.</summary>
internal sealed class BuildTally
{
    private const int ExamplesPerReason = 3;
    private readonly Dictionary<SkipReason, int> _skipped = [];
    private readonly Dictionary<SkipReason, List<string>> _examples = [];
    private readonly HashSet<int> _symbols = [];
    private long _characters;

    public int FilesTaken { get; private set; }
    public int NotMatched { get; private set; }

    public void Unmatched() => NotMatched++;

    public void Skip(SkipReason reason, string path)
    {
        _skipped[reason] = _skipped.GetValueOrDefault(reason) + 1;
        var examples = _examples.TryGetValue(reason, out var list) ? list : _examples[reason] = [];
        if (examples.Count < ExamplesPerReason) examples.Add(path);
    }

    public void Take(Utf8Scanner scanned)
    {
        FilesTaken++;
        _characters += scanned.Characters;
        scanned.AddSymbolsTo(_symbols);
    }

    public BuildSummary ToSummary(long bytes) => new(
        FilesTaken, new Dictionary<SkipReason, int>(_skipped),
        _examples.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)e.Value.ToList()),
        NotMatched, bytes, _characters, _symbols.Count);
}
