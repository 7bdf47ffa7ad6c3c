using CharRnnLab.Core.Interventions;
using CharRnnLab.Core.Model;
using CharRnnLab.Web.Sampling;
using Microsoft.AspNetCore.Components;

namespace CharRnnLab.Web.Components.Lab;

/// <summary>
/// Adds and removes the edits (interventions) the sampling panel samples under. A hand-made edit is
/// written in the CLI's syntax from the fields and read back by Core's <see cref="InterventionSyntax"/>,
/// then checked against the model by <see cref="EditCheck"/>, so a refusal reads as `charrnn sample` words it.
/// </summary>
public partial class InterventionEditor
{
    private string? _layer = "1", _unit = "0", _value = "1", _from;
    private string _kind = "c";
    private InterventionAction _action = InterventionAction.Clamp;
    private string? _error;

    /// <summary>The model edited: c is offered for an LSTM only, and every edit is checked against it (null: unknown, checked when sampling).</summary>
    [Parameter] public ModelConfig? Model { get; set; }

    /// <summary>The edits so far, in the order they apply.</summary>
    [Parameter] public IReadOnlyList<Intervention> Edits { get; set; } = [];

    /// <summary>Raised with the new list after an edit was added or removed.</summary>
    [Parameter] public EventCallback<IReadOnlyList<Intervention>> EditsChanged { get; set; }

    private IEnumerable<string> Kinds => Model is null || Model.Cell == CellType.Lstm ? ["c", "h"] : ["h"];

    protected override void OnParametersSet()
    {
        if (!Kinds.Contains(_kind)) _kind = "h";
    }

    /// <summary>The fields as the CLI writes an edit: "1:c:62=-0.76@13" (ablate: no value).</summary>
    private string Written()
    {
        string value = _action == InterventionAction.Ablate ? "" : $"={_value?.Trim()}";
        string from = string.IsNullOrWhiteSpace(_from) ? "" : $"@{_from.Trim()}";
        return $"{_layer?.Trim()}:{_kind}:{_unit?.Trim()}{value}{from}";
    }

    private async Task AddAsync()
    {
        if (!InterventionSyntax.TryParse(Written(), _action, out var edit, out string error))
        {
            _error = error;
            return;
        }
        _error = EditCheck.Refusal(Model, Edits, edit!);
        if (_error is null) await EditsChanged.InvokeAsync([.. Edits, edit!]);
    }

    private async Task RemoveAsync(int index)
    {
        _error = null;
        await EditsChanged.InvokeAsync([.. Edits.Where((_, i) => i != index)]);
    }

    private static string KindLabel(string kind) => kind == "c" ? "c · cell state" : "h · hidden output";

    private static string ActionLabel(InterventionAction action) => action switch
    {
        InterventionAction.Clamp => "clamp to value",
        InterventionAction.Ablate => "ablate (set to 0)",
        _ => "scale by factor",
    };
}
