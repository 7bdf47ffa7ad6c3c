namespace CharRnnLab.Core.Yardsticks.Index;

/// <summary>Rows [Start, End) of a suffix array: the suffixes that begin with one pattern.</summary>
public readonly record struct SymbolRange(int Start, int End)
{
    public int Count => End - Start;
    public bool IsEmpty => End <= Start;
}
