using System.Globalization;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Neurons;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CharRnnLab.Web.Components.Lab;

/// <summary>
/// A paired sample (<see cref="PairedSampleResult"/>): the two continuations in two columns, each character
/// hoverable for its candidates; the first generated character where they differ carries <c>diverged</c> in
/// both; under them one strip cell per generated character coloured by KL(unedited ‖ edited), white at 0
/// to the scale's red at the sample's largest KL (the Neurons page's palette), the number on hover.
/// </summary>
public partial class PairedSampleView : IAsyncDisposable
{
    private IReadOnlyList<RenderedSymbol> _unedited = [], _edited = [];
    private double _maxKl;
    private PairedSampleResult? _shown;
    private ElementReference _uneditedElement, _editedElement;
    private SampleHover? _hover;

    [Inject] private IJSRuntime JS { get; set; } = null!;

    /// <summary>The paired sample to show.</summary>
    [Parameter, EditorRequired] public PairedSampleResult Result { get; set; } = null!;

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_shown, Result)) return;
        _shown = Result;
        _unedited = RenderedSymbol.All(Result.Unedited.Symbols);
        _edited = RenderedSymbol.All(Result.Edited.Symbols);
        _maxKl = Result.Kl.DefaultIfEmpty(0).Max();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        _hover ??= new SampleHover(JS);
        await _hover.AttachAsync(_uneditedElement, _editedElement);
    }

    private string? CharacterClass(int n) => n == Result.FirstDivergence ? "diverged" : null;

    private string KlColour(double kl) => ActivationColours.For(_maxKl > 0 ? kl / _maxKl : 0);

    private string KlTitle(int n) => string.Create(CultureInfo.InvariantCulture,
        $"character {n}: KL {Result.Kl[n]:0.0000} nats · unedited {Glyph(_unedited, n)}, edited {Glyph(_edited, n)}");

    private static string Glyph(IReadOnlyList<RenderedSymbol> symbols, int n) =>
        n < symbols.Count ? $"“{SymbolGlyphs.Show(symbols[n].Text)}”" : "–";

    private string Legend() => string.Create(CultureInfo.InvariantCulture,
        $"KL(unedited ‖ edited) of the next-character distributions, per generated character: white 0 → red {_maxKl:0.000} nats (the largest here); mean {Result.MeanKl:0.0000}. ") +
        (Result.FirstDivergence is int first ? $"First divergence at character {first}, marked in both." : $"The continuations agree on all {Result.Kl.Count} characters.");

    public async ValueTask DisposeAsync()
    {
        if (_hover is not null) await _hover.DisposeAsync();
    }
}
