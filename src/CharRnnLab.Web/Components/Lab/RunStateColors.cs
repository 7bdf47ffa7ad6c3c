using CharRnnLab.Web.Contracts;
using MudBlazor;

namespace CharRnnLab.Web.Components.Lab;

/// <summary>One colour per run state, the same on every page.</summary>
public static class RunStateColors
{
    public static Color Of(RunState state) => state switch
    {
        RunState.Running => Color.Success,
        RunState.Paused => Color.Warning,
        RunState.Completed => Color.Primary,
        RunState.Failed => Color.Error,
        RunState.Interrupted => Color.Secondary,
        _ => Color.Default,
    };
}
