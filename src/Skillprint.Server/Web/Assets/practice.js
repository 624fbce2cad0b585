// The practice page's keys: Space shows the answer, 1 to 4 rate the card. Each key presses the
// page's own button, so the keys do exactly what the buttons do (and the page works without this).
"use strict";
document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.repeat) {
        return;
    }
    const target = event.target;
    if (target instanceof HTMLElement && target.closest("input, textarea, select, [contenteditable]")) {
        return;
    }
    let button = null;
    if (event.key === " ") {
        button = document.querySelector("[data-key='reveal']");
    } else if (["1", "2", "3", "4"].includes(event.key)) {
        button = document.querySelector(`[data-rating='${event.key}']`);
    }
    if (button) {
        event.preventDefault();
        button.click();
    }
});
