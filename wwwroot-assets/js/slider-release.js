// Tells the server when a range input inside `element` is released (its change event), which
// Blazor's MudSlider does not report while it reports every input: the sampling panel then
// samples at once instead of waiting out the debounce meant for the drag.

export function watch(element, dotnet) {
    if (!element || element.dataset.releaseWatched === "1") return;
    element.dataset.releaseWatched = "1";
    element.addEventListener("change", event => {
        if (event.target.type === "range") dotnet.invokeMethodAsync("OnSliderReleased", event.target.value);
    }, true);
}
