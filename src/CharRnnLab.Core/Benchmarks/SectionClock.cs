using System.Diagnostics;

namespace CharRnnLab.Core.Benchmarks;

/// <summary>
/// Wall time per named section of repeated work: each <see cref="Lap"/> charges the time since the
/// previous one to its section. Valid around libtorch calls on the CPU, which return when done.
/// </summary>
public sealed class SectionClock
{
    private readonly Stopwatch _clock = new();
    private readonly Dictionary<string, double> _seconds = [];
    private readonly List<string> _order = [];

    /// <summary>Starts (or restarts) timing from now; what went before is charged to no section.</summary>
    public void Restart() => _clock.Restart();

    /// <summary>Charges the time since the last lap (or restart) to <paramref name="section"/>.</summary>
    public void Lap(string section)
    {
        double seconds = _clock.Elapsed.TotalSeconds;
        _clock.Restart();
        if (!_seconds.TryAdd(section, seconds)) _seconds[section] += seconds;
        else _order.Add(section);
    }

    /// <summary>Seconds per section in the order each was first seen.</summary>
    public IReadOnlyList<(string Section, double Seconds)> Totals => _order.Select(s => (s, _seconds[s])).ToList();
}
