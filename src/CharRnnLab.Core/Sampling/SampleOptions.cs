namespace CharRnnLab.Core.Sampling;

/// <summary>How to sample.</summary>
/// <param name="Length">Symbols to generate after the prime.</param>
/// <param name="Temperature">Softmax temperature; 0 means greedy (argmax).</param>
/// <param name="Prime">Text fed to the model first (its symbols must be in the vocabulary).</param>
/// <param name="Seed">Random seed; null picks one.</param>
/// <param name="TopK">Sample only among the K most likely symbols; 0 = all.</param>
/// <param name="Candidates">Report this many top candidates per generated symbol (0 = none).</param>
public sealed record SampleOptions(
    int Length = 200,
    double Temperature = 1.0,
    string Prime = "",
    int? Seed = null,
    int TopK = 0,
    int Candidates = 0);

/// <summary>A symbol the model could have produced, with its probability (after temperature).</summary>
public sealed record Candidate(string Symbol, float Probability);

/// <summary>One generated symbol, its probability and (if asked) the top candidates at that step.</summary>
public sealed record SampledSymbol(string Symbol, int Index, float Probability, IReadOnlyList<Candidate> Candidates);
