namespace CharRnnLab.Core.Yardsticks.Ngrams;

/// <summary>
/// What Kneser–Ney needs to know about a context u in the training text t.
/// </summary>
/// <param name="Followed">c(u ·): occurrences of u with a symbol after them.</param>
/// <param name="DistinctNext">N1+(u ·): distinct symbols seen after u.</param>
/// <param name="DistinctPairs">N1+(· u ·): distinct (a, w) with a u w in t; the continuation counts' total.</param>
/// <param name="ContinuedNext">|{w : N1+(· u w) > 0}|: distinct w after u that also have a symbol before.</param>
public readonly record struct ContextCounts(int Followed, int DistinctNext, int DistinctPairs, int ContinuedNext);
