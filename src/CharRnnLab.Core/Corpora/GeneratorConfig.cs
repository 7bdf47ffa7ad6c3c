using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CharRnnLab.Core.Corpora;

/// <summary>
/// One bundled corpus: which generator, its seed and size. The shipped configs live in
/// corpora/&lt;id&gt;/config.json at the top of the repository and are embedded in this assembly,
/// so an installed lab generates the same bytes as a clone.
/// </summary>
public sealed record GeneratorConfig
{
    public const int MinSizeBytes = 10_000, MaxSizeBytes = 50_000_000;

    /// <summary>Corpus id, e.g. "dialogue"; also the cached file's name.</summary>
    public required string Id { get; init; }
    /// <summary>Registry key of the generator (see <see cref="Generators"/>).</summary>
    public required string Generator { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public long Seed { get; init; } = 1;
    /// <summary>Target size; generation stops after the document that reaches it.</summary>
    public int SizeBytes { get; init; } = 1_000_000;
    /// <summary>Prose line width (the line-length neuron's column).</summary>
    public int WrapWidth { get; init; } = 76;
    /// <summary>Deepest brace nesting the code generator may reach (at least 5).</summary>
    public int MaxDepth { get; init; } = 8;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        WriteIndented = true,
    };

    /// <summary>Parses and validates a config; <paramref name="source"/> names it in errors.</summary>
    public static GeneratorConfig Parse(string json, string source)
    {
        GeneratorConfig? config;
        try { config = JsonSerializer.Deserialize<GeneratorConfig>(json, Json); }
        catch (JsonException ex) { throw new CorpusException($"Generator config {source} is not valid: {ex.Message}", ex); }
        if (config is null) throw new CorpusException($"Generator config {source} is empty.");
        config.Validate(source);
        return config;
    }

    /// <summary>The canonical JSON of this config (part of the cache stamp).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    private void Validate(string source)
    {
        string? problem =
            !Generators.Names.Contains(Generator) ? $"generator '{Generator}' is unknown (known: {string.Join(", ", Generators.Names)})"
            : SizeBytes is < MinSizeBytes or > MaxSizeBytes ? $"sizeBytes {SizeBytes} is outside {MinSizeBytes}..{MaxSizeBytes}"
            : WrapWidth is < 40 or > 200 ? $"wrapWidth {WrapWidth} is outside 40..200"
            : MaxDepth is < 5 or > 16 ? $"maxDepth {MaxDepth} is outside 5..16"
            : !IsSafeId(Id) ? $"id '{Id}' must be lower-case letters, digits and '-'"
            : null;
        if (problem is not null) throw new CorpusException($"Generator config {source}: {problem}. Fix the file.");
    }

    internal static bool IsSafeId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-');

    /// <summary>The configs shipped in corpora/*/config.json, in a fixed order.</summary>
    public static IReadOnlyList<GeneratorConfig> Bundled => BundledConfigs.Value;

    private static readonly Lazy<IReadOnlyList<GeneratorConfig>> BundledConfigs = new(LoadBundled);

    private static IReadOnlyList<GeneratorConfig> LoadBundled()
    {
        var assembly = typeof(GeneratorConfig).Assembly;
        // %(RecursiveDir) gives '\' on Windows builds; compare names with '/'.
        return assembly.GetManifestResourceNames()
            .Where(n => n.Replace('\\', '/') is var name && name.StartsWith("corpora/", StringComparison.Ordinal) && name.EndsWith("/config.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => Parse(ReadResource(assembly, n), n))
            .OrderBy(c => Generators.Names.ToList().IndexOf(c.Generator))
            .ToList();
    }

    internal static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
