namespace CharRnnLab.Core.Yardsticks.Novelty;

/// <summary>Symbols [Start, Start + Length) of a sample (positions in Unicode scalar values, as the corpus counts them).</summary>
public sealed record CopiedSpan(int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>
/// How much of a sample the training text already contains.
/// </summary>
/// <param name="Symbols">Length of the sample in symbols.</param>
/// <param name="Longest">The longest piece of the sample found in the training text (the first, if several).</param>
/// <param name="LongestText">That piece.</param>
/// <param name="MinSpan">Pieces of at least this many symbols count as copied.</param>
/// <param name="Copied">The sample's symbols covered by copied pieces, as disjoint spans in order: for highlighting.</param>
/// <param name="CopiedShare">Share of the sample's symbols inside <see cref="Copied"/>.</param>
/// <param name="Lines">Complete non-empty lines of the sample (a last line without its newline is cut off, left out).</param>
/// <param name="NovelLines">Those of them that are not a line of the training text.</param>
public sealed record NoveltyReport(
    int Symbols, CopiedSpan Longest, string LongestText, int MinSpan, IReadOnlyList<CopiedSpan> Copied, double CopiedShare,
    int Lines, int NovelLines)
{
    /// <summary>Share of lines that are new, the post's "90% of generated names do not exist"; null without lines.</summary>
    public double? NovelLineShare => Lines > 0 ? NovelLines / (double)Lines : null;
}
