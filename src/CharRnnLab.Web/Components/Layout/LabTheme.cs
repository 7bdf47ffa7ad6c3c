using MudBlazor;

namespace CharRnnLab.Web.Components.Layout;

/// <summary>The lab's colours and fonts (no web fonts: the lab works offline).</summary>
public static class LabTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3558a8",
            Secondary = "#c2185b",
            AppbarBackground = "#1f2a44",
            Background = "#f6f7fb",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"] },
        },
    };
}
