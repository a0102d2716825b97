/**
 * Image sources (folders of photographs, the built-in dead-leaves world), transforms and the statistics of images:
 * PCA spectrum, orientation and hue histograms, CIELAB distances (Figs 3b, 5b). May import {@code util}.
 */
package org.psychonet.images;
