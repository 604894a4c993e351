// Level of detail. Below OVERVIEW_ZOOM a component's text is a few pixels tall and cannot be read,
// so the canvas draws an overview instead: plain boxes colored by kind and by their highest open
// severity, flows without labels or wide hit areas, and no connection handles (a handle is a React
// component with store subscriptions and its own compositing node; thousands of them are what make
// a big diagram slow to pan). Zooming in past the threshold brings every detail back.
import { createContext, useContext } from 'react';

export const OVERVIEW_ZOOM = 0.4;

/**
 * Up to this many nodes every one stays mounted. Above it the canvas mounts only the nodes in a
 * window around the view (render-window.ts), at every zoom.
 */
export const WINDOW_FROM = 150;

export const isOverviewZoom = (zoom: number) => zoom < OVERVIEW_ZOOM;

/** True while the canvas is zoomed out to the overview; provided once by the canvas. */
export const OverviewContext = createContext(false);

export const useOverview = () => useContext(OverviewContext);
