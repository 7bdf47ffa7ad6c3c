using System.Globalization;
using System.Text.Json.Serialization;

namespace CharRnnLab.Core.Training;

/// <summary>
/// The iterations at which a run takes a training sample besides every <see cref="TrainingConfig.SampleEvery"/>,
/// such as the post's War and Peace timeline 100, 300, 500, 700, 1200, 2000. Kept ascending and distinct
/// whatever order it was given in, and compared by value, so configs holding equal schedules are equal.
/// Its limits are <see cref="Settings.RunSettings.SampleAt"/>'s. In JSON it is an array of iterations.
/// </summary>
[JsonConverter(typeof(SampleScheduleJsonConverter))]
public sealed class SampleSchedule : IEquatable<SampleSchedule>
{
    /// <summary>How an empty schedule is written as text (and read back).</summary>
    public const string NoneText = "none";

    private readonly int[] _iterations;

    public SampleSchedule(IEnumerable<int> iterations) => _iterations = iterations.Distinct().Order().ToArray();

    /// <summary>No scheduled samples (the default).</summary>
    public static SampleSchedule None { get; } = new([]);

    /// <summary>Ascending, distinct.</summary>
    public IReadOnlyList<int> Iterations => _iterations;

    public bool IsEmpty => _iterations.Length == 0;

    public bool Contains(int iteration) => Array.BinarySearch(_iterations, iteration) >= 0;

    /// <summary>
    /// Reads "100,300,500" (commas and/or spaces between whole numbers, any order); empty or "none" is
    /// <see cref="None"/>. Throws <see cref="FormatException"/> naming the first part that is not a whole number.
    /// </summary>
    public static SampleSchedule Parse(string text)
    {
        string trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed.Equals(NoneText, StringComparison.OrdinalIgnoreCase)) return None;
        var parts = trimmed.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries);
        var iterations = new List<int>(parts.Length);
        foreach (string part in parts)
        {
            if (!int.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int iteration))
                throw new FormatException($"'{part}' is not a whole number");
            iterations.Add(iteration);
        }
        return new SampleSchedule(iterations);
    }

    /// <summary>"100,300,500", or <see cref="NoneText"/> when empty: what <see cref="Parse"/> reads.</summary>
    public override string ToString() =>
        IsEmpty ? NoneText : string.Join(",", _iterations.Select(i => i.ToString(CultureInfo.InvariantCulture)));

    public bool Equals(SampleSchedule? other) => other is not null && _iterations.AsSpan().SequenceEqual(other._iterations);

    public override bool Equals(object? obj) => Equals(obj as SampleSchedule);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (int iteration in _iterations) hash.Add(iteration);
        return hash.ToHashCode();
    }
}
