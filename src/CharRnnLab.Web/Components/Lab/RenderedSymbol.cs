using System.Text.Json;
using CharRnnLab.Core.Sampling;

namespace CharRnnLab.Web.Components.Lab;

/// <summary>A generated symbol with its candidates as JSON for the hover tooltip
/// ([["e",0.61],["a",0.12],…]); Blazor attribute-encodes it, sample-hover.js reads it as data.</summary>
internal sealed record RenderedSymbol(string Text, string Candidates)
{
    public static RenderedSymbol From(SampledSymbol symbol) => new(symbol.Symbol,
        JsonSerializer.Serialize(symbol.Candidates.Select(c => new object[] { c.Symbol, Math.Round(c.Probability, 4) })
            .Prepend(new object[] { symbol.Symbol, Math.Round(symbol.Probability, 4) })));

    public static IReadOnlyList<RenderedSymbol> All(IEnumerable<SampledSymbol> symbols) => symbols.Select(From).ToList();
}
