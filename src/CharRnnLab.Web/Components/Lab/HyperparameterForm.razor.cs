using CharRnnLab.Core.Corpora;
using CharRnnLab.Core.Settings;
using CharRnnLab.Web.Contracts;
using Microsoft.AspNetCore.Components;

namespace CharRnnLab.Web.Components.Lab;

/// <summary>
/// Edits a <see cref="StartRunRequest"/>, one field per setting the request carries, labelled, bounded and
/// validated by Core's <see cref="RunSettings"/> through <see cref="RunRequests"/> (the same rules the hub
/// applies), shown per field; Start stays disabled while anything is wrong.
/// The edits live in <see cref="Request"/>; a new <see cref="Value"/> from the parent replaces them.
/// </summary>
public partial class HyperparameterForm
{
    /// <summary>The settings shown at once; the others are under "more settings".</summary>
    private static readonly Setting[] Main =
    [
        RunSettings.Cell, RunSettings.Layers, RunSettings.Hidden, RunSettings.Dropout, RunSettings.Batch, RunSettings.Seq,
        RunSettings.LearningRate, RunSettings.Iterations, RunSettings.Epochs, RunSettings.SampleEvery, RunSettings.EvalEvery,
        RunSettings.CheckpointEvery, RunSettings.SampleLength, RunSettings.SampleTemperature, RunSettings.Seed,
    ];

    private IReadOnlyList<FieldError> _errors = [];
    private readonly Dictionary<string, string> _unreadable = [];
    private RunConfig _config = RunConfig.Default;
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

    /// <summary>Current validation errors of <see cref="Request"/>, and of field text that does not read as a value.</summary>
    public IReadOnlyList<FieldError> Errors
    {
        get
        {
            Read();
            return _unreadable.Count == 0
                ? _errors
                : [.. _unreadable.Select(u => new FieldError(u.Key, u.Value)), .. _errors.Where(e => !_unreadable.ContainsKey(e.Field))];
        }
    }

    /// <summary>The configuration <see cref="Request"/> asks for (what the fields show).</summary>
    public RunConfig Config
    {
        get
        {
            Read();
            return _config;
        }
    }

    private static IEnumerable<Setting> MainSettings => Main;

    private static IEnumerable<Setting> MoreSettings => RunRequests.Settings.Except(Main);

    public bool CanStart => Errors.Count == 0 && !Busy && string.IsNullOrEmpty(BlockedReason);

    public bool HasError(string field) => Errors.Any(e => e.Field == field);

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    /// <summary>Whether the field of <paramref name="key"/> holds text that does not read as a value.</summary>
    public bool IsUnreadable(string key) => _unreadable.ContainsKey(key);

    /// <summary>Marks the field of <paramref name="key"/> as holding text that does not read (<paramref name="message"/> says why),
    /// or as reading again (null): its error shows and Start waits until it reads.</summary>
    public void SetUnreadable(string key, string? message)
    {
        if (message is null) _unreadable.Remove(key);
        else _unreadable[key] = message;
        StateHasChanged();
    }

    /// <summary>Takes the parent's value when it gives a different one; a re-render with the same value keeps the edits.</summary>
    protected override void OnParametersSet()
    {
        if (ReferenceEquals(Value, _received)) return;
        _received = Value;
        Request = Value;
        _unreadable.Clear();
    }

    /// <summary>Applies an edit (from a field, a preset) and tells the parent.</summary>
    public async Task Change(StartRunRequest request)
    {
        Request = request;
        await ValueChanged.InvokeAsync(request);
        StateHasChanged();
    }

    private string CorpusHelp => Corpora.Any(c => c.Available) ? "" : "No corpus yet: add one on the Corpora page.";

    private bool IsPreset(RunPreset preset) => preset.Config == Config;

    private void Read()
    {
        if (ReferenceEquals(_validated, Request)) return;
        (_config, _errors) = RunRequests.Read(Request);
        _validated = Request;
    }

    private async Task StartAsync()
    {
        if (!CanStart) return;
        await OnStart.InvokeAsync(Request);
    }
}
