namespace CharRnnLab.Web.Neurons;

/// <summary>
/// The recordings the lab keeps in memory, by id, least recently used evicted first once their
/// arrays pass the budget (<see cref="MaxBytes"/> by default; the newest one always stays). A 10,000-character text
/// through a 2×128 LSTM is about 72 MB (every kind of every layer), through a 2×512 one 290 MB.
/// </summary>
public sealed class RecordingCache(long maxBytes)
{
    /// <summary>Default budget for all cached recordings together.</summary>
    public const long MaxBytes = 1L << 30;

    public RecordingCache() : this(MaxBytes) { }

    private readonly Lock _lock = new();
    private readonly LinkedList<NeuronRecording> _entries = new(); // most recently used first

    public NeuronRecording? Find(string id)
    {
        lock (_lock)
        {
            var node = _entries.First;
            while (node is not null && node.Value.Id != id) node = node.Next;
            if (node is null) return null;
            _entries.Remove(node);
            _entries.AddFirst(node);
            return node.Value;
        }
    }

    public void Add(NeuronRecording recording)
    {
        lock (_lock)
        {
            for (var node = _entries.First; node is not null; node = node.Next)
            {
                if (node.Value.Id != recording.Id) continue;
                _entries.Remove(node);
                break;
            }
            _entries.AddFirst(recording);
            long total = _entries.Sum(e => e.Bytes);
            while (total > maxBytes && _entries.Count > 1)
            {
                total -= _entries.Last!.Value.Bytes;
                _entries.RemoveLast();
            }
        }
    }

    public int Count
    {
        get { lock (_lock) return _entries.Count; }
    }
}
