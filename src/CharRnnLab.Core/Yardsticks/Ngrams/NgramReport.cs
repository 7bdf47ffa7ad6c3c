namespace CharRnnLab.Core.Yardsticks.Ngrams;

/// <summary>
/// The n-gram baselines of one corpus and split: validation loss of each order, and what the one
/// index behind all of them cost to build (or load).
/// </summary>
/// <param name="Smoothing">The smoothing used, for labels: <see cref="NgramBaselines.Smoothing"/>.</param>
/// <param name="IndexSeconds">Building (or loading) the suffix array and discounts.</param>
/// <param name="ScoreSeconds">Scoring every order on the validation split.</param>
/// <param name="IndexBytes">Memory the index holds (text and suffix array).</param>
public sealed record NgramReport(
    string Corpus, int TrainSymbols, int ValidationSymbols, double ValidationFraction, string Smoothing,
    IReadOnlyList<NgramOrderScore> Orders, double IndexSeconds, double ScoreSeconds, long IndexBytes,
    NgramIndexSource Index, string? CachePath, string? CacheNote);
