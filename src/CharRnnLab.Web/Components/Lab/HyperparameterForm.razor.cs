using CharRnnLab.Web.Contracts;
using CharRnnLab.Core.Corpora;
using Microsoft.AspNetCore.Components;

namespace CharRnnLab.Web.Components.Lab;

/// <summary>
/// Edits a <see cref="StartRunRequest"/>. Validation is <see cref="StartRunRequest.Validate"/>
/// (the same rules the hub applies), shown per field; Start stays disabled while anything is wrong.
/// The edits live in <see cref="Request"/>; a new <see cref="Value"/> from the parent replaces them.
/// </summary>
public partial class HyperparameterForm
{
    private IReadOnlyList<FieldError> _errors = [];
    private StartRunRequest? _validated;
    private StartRunRequest? _received;

    /// <summary>The request being edited (use @bind-Value).</summary>
    [Parameter, EditorRequired] public StartRunRequest Value { get; set; } = new();

    /// <summary>Raised with the edited request after every change.</summary>
    [Parameter] public EventCallback<StartRunRequest> ValueChanged { get; set; }

    /// <summary>Corpora to choose from; only available (downloaded) ones are offered.</summary>
    [Parameter] public IReadOnlyList<CorpusInfo> Corpora { get; set; } = [];

    /// <summary>Raised with a valid request when the user presses Start.</summary>
    [Parameter] public EventCallback<StartRunRequest> OnStart { get; set; }

    /// <summary>A start is in progress.</summary>
    [Parameter] public bool Busy { get; set; }

    /// <summary>Why a run cannot start now (e.g. another run is training); null when it can.</summary>
    [Parameter] public string? BlockedReason { get; set; }

    /// <summary>The request as edited so far: <see cref="Value"/> plus the edits made since it was given.</summary>
    public StartRunRequest Request { get; private set; } = new();

    /// <summary>Current validation errors of <see cref="Request"/>.</summary>
    public IReadOnlyList<FieldError> Errors
    {
        get
        {
            if (!ReferenceEquals(_validated, Request)) (_validated, _errors) = (Request, Request.Validate());
            return _errors;
        }
    }

    public bool CanStart => Errors.Count == 0 && !Busy && string.IsNullOrEmpty(BlockedReason);

    public bool HasError(string field) => Errors.Any(e => e.Field == field);

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    /// <summary>Takes the parent's value when it gives a different one; a re-render with the same value keeps the edits.</summary>
    protected override void OnParametersSet()
    {
        if (ReferenceEquals(Value, _received)) return;
        _received = Value;
        Request = Value;
    }

    /// <summary>Applies an edit (from a field, a preset) and tells the parent.</summary>
    public async Task Change(StartRunRequest request)
    {
        Request = request;
        await ValueChanged.InvokeAsync(request);
        StateHasChanged();
    }

    private string CorpusHelp => Corpora.Any(c => c.Available) ? "" : "No corpus yet: add one on the Corpora page.";

    private bool IsPreset(RunPreset preset) => RunPresets.Apply(preset, Request) == Request;

    private async Task StartAsync()
    {
        if (!CanStart) return;
        await OnStart.InvokeAsync(Request);
    }
}
