namespace CharRnnLab.Core.Yardsticks.Ngrams;

/// <summary>
/// The n-gram baselines of one corpus and split: validation loss of each order, and what the one
/// index behind all of them cost to build (or load).
/// </summary>
/// <param name="Corpus">The corpus's name.</param>
/// <param name="TrainSymbols">Symbols in the training split (the models are built from these).</param>
/// <param name="ValidationSymbols">Symbols in the validation split (the models are scored on these).</param>
/// <param name="ValidationFraction">The split, as the runs' setting.</param>
/// <param name="Orders">One row per order scored, lowest first.</param>
/// <param name="Smoothing">The smoothing used, for labels: <see cref="NgramBaselines.Smoothing"/>.</param>
/// <param name="IndexSeconds">Building (or loading) the suffix array and discounts.</param>
/// <param name="ScoreSeconds">Scoring every order on the validation split.</param>
/// <param name="IndexBytes">Memory the index holds (text and suffix array).</param>
/// <param name="Index">Whether the index was built, or read from its cache file.</param>
/// <param name="CachePath">The cache file, null for an in-memory corpus.</param>
/// <param name="CacheNote">Why the cache file could not be written, when it could not.</param>
public sealed record NgramReport(
    string Corpus, int TrainSymbols, int ValidationSymbols, double ValidationFraction, string Smoothing,
    IReadOnlyList<NgramOrderScore> Orders, double IndexSeconds, double ScoreSeconds, long IndexBytes,
    NgramIndexSource Index, string? CachePath, string? CacheNote);
