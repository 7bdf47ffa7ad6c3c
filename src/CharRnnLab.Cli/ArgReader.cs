using System.Globalization;

namespace CharRnnLab.Cli;

/// <summary>A bad command line: the message names the argument and says why.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>
/// Reads `--name value`, `--name=value` and `--flag` options plus positional words.
/// A switch (a flag that takes no value, such as --force) never takes the next word, so
/// `fetch --force NAME` leaves NAME positional; `--help` is always a switch.
/// Every option must be consumed; <see cref="EnsureAllUsed"/> rejects unknown ones.
/// </summary>
public sealed class ArgReader
{
    private readonly Dictionary<string, List<string?>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly HashSet<string> _switches;
    public IReadOnlyList<string> Positional { get; }

    /// <param name="args">The words after the command's name.</param>
    /// <param name="switches">Names of the command's switches (without "--"); they never take the next word.</param>
    public ArgReader(string[] args, IEnumerable<string>? switches = null)
    {
        _switches = new HashSet<string>(switches ?? [], StringComparer.Ordinal) { "help" };
        var positional = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            string a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal) || a.Length == 2) { positional.Add(a); continue; }
            string name = a[2..];
            string? value = null;
            int eq = name.IndexOf('=');
            if (eq >= 0) { value = name[(eq + 1)..]; name = name[..eq]; }
            else if (TakesNextWord(name, args, i)) value = args[++i];
            if (!_options.TryGetValue(name, out var list)) _options[name] = list = new List<string?>();
            list.Add(value);
        }
        Positional = positional;
    }

    private bool TakesNextWord(string name, string[] args, int i) =>
        !_switches.Contains(name) && i + 1 < args.Length && !IsOptionName(args[i + 1]);

    // "--x" is an option name; "-1.5" or "-" are values.
    private static bool IsOptionName(string s) => s.StartsWith("--", StringComparison.Ordinal) && s.Length > 2;

    public bool Has(string name) => _options.ContainsKey(name);

    /// <summary>A boolean switch declared to the constructor; `--flag` alone or `--flag=true|false`.</summary>
    public bool Flag(string name)
    {
        if (!_switches.Contains(name))
            throw new InvalidOperationException($"--{name} is read as a switch but was not declared one.");
        if (!_options.TryGetValue(name, out var values)) return false;
        _used.Add(name);
        string? v = values[^1];
        if (v is null) return true;
        return v.ToLowerInvariant() switch
        {
            "true" or "yes" or "1" => true,
            "false" or "no" or "0" => false,
            _ => throw new UsageException($"--{name} is a switch; it takes no value (got '{v}')."),
        };
    }

    public string? String(string name)
    {
        if (!_options.TryGetValue(name, out var values)) return null;
        _used.Add(name);
        return values[^1] ?? throw new UsageException($"--{name} needs a value.");
    }

    public IReadOnlyList<string> Strings(string name)
    {
        if (!_options.TryGetValue(name, out var values)) return [];
        _used.Add(name);
        return values.Select(v => v ?? throw new UsageException($"--{name} needs a value.")).ToList();
    }

    public string Required(string name) =>
        String(name) ?? throw new UsageException($"--{name} is required.");

    public int? Int(string name, int min = int.MinValue, int max = int.MaxValue)
    {
        string? s = String(name);
        if (s is null) return null;
        if (!int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v))
            throw new UsageException($"--{name} must be a whole number (got '{s}').");
        if (v < min || v > max)
            throw new UsageException($"--{name} must be between {min} and {max} (got {v}).");
        return v;
    }

    public double? Double(string name, double min = double.MinValue, double max = double.MaxValue)
    {
        string? s = String(name);
        if (s is null) return null;
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
            throw new UsageException($"--{name} must be a number (got '{s}').");
        if (v < min || v > max)
            throw new UsageException($"--{name} must be between {min} and {max} (got {v}).");
        return v;
    }

    public T Choice<T>(string name, T fallback) where T : struct, Enum
    {
        string? s = String(name);
        if (s is null) return fallback;
        if (Enum.TryParse<T>(s, ignoreCase: true, out var v) && Enum.IsDefined(v)) return v;
        throw new UsageException($"--{name} must be one of {string.Join("|", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))} (got '{s}').");
    }

    /// <summary>Throws for any option given but never read by the command.</summary>
    public void EnsureAllUsed(int maxPositional = 0)
    {
        var unknown = _options.Keys.Where(k => !_used.Contains(k)).ToList();
        if (unknown.Count > 0) throw new UsageException($"unknown option --{unknown[0]}.");
        if (Positional.Count > maxPositional)
            throw new UsageException($"unexpected argument '{Positional[maxPositional]}'.");
    }
}
