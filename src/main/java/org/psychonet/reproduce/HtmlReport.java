package org.psychonet.reproduce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.psychonet.experiment.Claim;
import org.psychonet.report.Panel;
import org.psychonet.report.PaperFigures;

/**
 * The reproduction as one page that reads like the paper: the headline (how many of the paper's claims hold), then
 * the paper's figures in the paper's order, each panel captioned "Fig. 2c — title" with what the paper's panel showed
 * beside what was measured here, then psychonet's panels beyond the paper, each experiment's settings, and the
 * paper claims and the implementation checks as two tables. Self-contained: panels are inline SVG (or PNGs as data
 * URIs), no scripts, fonts or styles are fetched, so the one file can be mailed or attached to a supplement. A small
 * inline script records on the page whether every image drew (for tests, and broken panels are outlined).
 */
public final class HtmlReport {

    /**
     * A panel as the page shows it: the paper's panel it reproduces ("fig2c", or "" beyond the paper), the step it
     * comes from, its title, what was measured, what the paper's panel showed, the drawing (inline SVG, or a PNG's
     * data URI) and the PNG file beside the page.
     */
    public record PanelView(String panel, String step, String title, String measured, String paperShowed,
                            String svg, String pngDataUri, String file) {

        String label() {
            return PaperFigures.label(panel);
        }

        /** The paper figure it belongs to ("fig2"), or "" beyond the paper. */
        String figure() {
            return PaperFigures.figure(panel).map(PaperFigures.PaperFigure::id).orElse("");
        }
    }

    /** An experiment of the reproduction: its settings, reading, panels and data files (paths relative to the page). */
    public record Section(String id, String title, String figures, String reading, String settingsJson,
                          List<PanelView> panels, List<String> dataFiles, boolean cached) {
    }

    private HtmlReport() {
    }

    /**
     * The panels of a step: its report's panels drawn as SVG, then every other PNG of its folder embedded (reports
     * not yet on {@link Panel}), placed in the paper by {@link #legacyPanel}.
     *
     * @param base the page's folder
     * @param dir  the step's folder
     */
    public static List<PanelView> panels(String step, List<Panel> panels, Path base, Path dir) throws IOException {
        List<PanelView> out = new ArrayList<>();
        Set<String> drawn = new HashSet<>();
        for (Panel p : panels) {
            drawn.add(p.file() + ".png");
            String paper = p.paperShowed();
            out.add(new PanelView(p.panel(), step, p.title(), withNotes(p.measured(), p.figure().notes()), paper,
                    p.figure().svg(), null, base.relativize(dir.resolve(p.file() + ".png")).toString()
                    .replace('\\', '/')));
        }
        for (String f : files(base, dir, ".png")) {
            String name = f.substring(f.lastIndexOf('/') + 1);
            if (drawn.contains(name)) {
                continue;
            }
            String stem = name.substring(0, name.length() - 4);
            String panel = legacyPanel(step, stem);
            out.add(new PanelView(panel, step, stem.replace('_', ' '), "", PaperFigures.paperShowed(panel), null,
                    "data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(base.resolve(f))),
                    f));
        }
        return out;
    }

    private static String withNotes(String measured, List<String> notes) {
        StringBuilder b = new StringBuilder(measured);
        for (String n : notes) {
            if (!measured.contains(n)) {
                b.append(b.length() == 0 || measured.endsWith(".") ? " " : ". ").append(n);
            }
        }
        return b.toString().strip();
    }

    /**
     * Where in the paper a PNG of a report that has no {@link Panel}s yet belongs, by its file name: a transitional
     * table that empties as the reports move to panels ("" = beyond the paper).
     */
    static String legacyPanel(String step, String stem) {
        java.util.regex.Matcher named = PANEL_PREFIX.matcher(stem);
        if (named.lookingAt() && PaperFigures.figure(named.group(1)).isPresent()) {
            return named.group(1); // "fig2c_small.png", "sifig1b_small.png": the file names its panel
        }
        for (String[] rule : LEGACY) {
            if (rule[0].equals(step) && Pattern.matches(rule[1], stem)) {
                return rule[2];
            }
        }
        return "";
    }

    private static final Pattern PANEL_PREFIX = Pattern.compile("((?:si)?fig\\d+[a-i]?)_");

    private static final String[][] LEGACY = {
            {"stats", "cielab_hue_distance", "fig3b"},
            {"stats", "hue_histogram", "fig3c"},
            {"stats", "pca_spectrum", "fig5b"},
            {"linear", "spectrum", "fig5b"},
            {"linear", "depth1_proportion", "fig5c"},
            {"linear", "depth1_thresholds", "fig5f"},
            {"linear", "depth1_acuity", "fig5h"},
            {"linear", "depths|depth[23]_proportion|symmetric_proportion|sharpness", "sifig2"},
            {"linear", "(depth1|symmetric)_elbows|symmetric_thresholds", "fig5f"},
            {"linear", "(depth[23]|symmetric)_acuity", "fig5h"},
            {"supervised", "noise_.*", "fig6b"},
            {"supervised", "balanced-(count|notebook)_.*", "fig6d"},
            {"supervised", "silent-common_.*", "fig6"},
            {"supervised", "frequency_.*", "fig6c"},
            {"supervised", "balanced_.*", "fig6d"},
            {"supervised", "control_.*", "fig6"},
            {"deepnets", "orientation_(trained|imported).*", "fig2c"},
            {"deepnets", "cardinal_oblique_ratio", "fig2c"},
            {"deepnets", "orientation_(init|shuffle).*", "sifig1a"},
            {"deepnets", "orientation_rotate.*", "sifig1b"},
            {"deepnets", "hue_(trained|imported).*", "fig3c"},
            {"deepnets", "hue_hueshift.*", "fig3d"},
    };

    public static void write(Path file, String title, String provenance, List<Section> sections, List<Claim> claims)
            throws IOException {
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>").append(esc(title))
                .append("</title>\n<style>\n")
                .append("body{font-family:system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;max-width:1180px;"
                        + "margin:2em auto;padding:0 1em;color:#222;line-height:1.45}\n")
                .append("h1{font-size:1.7em}h2{border-bottom:2px solid #ddd;padding-bottom:.2em;margin-top:2em}\n")
                .append(".headline{font-size:1.25em;background:#f4f6fa;border-left:4px solid #4a6fa5;padding:.6em .9em}\n")
                .append(".reading{background:#f8f8f8;border-left:3px solid #bbb;padding:.4em .7em;font-size:.92em}\n")
                .append(".panels{display:flex;flex-wrap:wrap;gap:16px}.panels figure{margin:0;width:560px}\n")
                .append(".panels img,.panels svg{max-width:100%;height:auto;border:1px solid #ddd;display:block}\n")
                .append(".panels figcaption{font-size:.85em;color:#333}.paper{color:#555}.here{color:#1d4d1d}\n")
                .append("ul.claims{font-size:.9em}li.fails{color:#9b1c1c}\n")
                .append("table{border-collapse:collapse;width:100%;font-size:.92em}"
                        + "th,td{border:1px solid #ccc;padding:.35em .5em;text-align:left;vertical-align:top}\n")
                .append("th{background:#eef}tr.holds td.verdict{background:#d9f2d9}"
                        + "tr.fails td.verdict{background:#f8d7d7;font-weight:bold}\n")
                .append("pre{background:#fafafa;border:1px solid #eee;padding:.6em;overflow:auto;font-size:.8em}\n")
                .append(".meta{color:#666;font-size:.85em}</style></head>\n<body data-images-ok=\"pending\">\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n<p class=\"meta\">").append(esc(provenance)).append("</p>\n");
        List<Claim> paper = claims.stream().filter(c -> c.kind() == Claim.Kind.PAPER).toList();
        List<Claim> checks = claims.stream().filter(c -> c.kind() == Claim.Kind.CHECK).toList();
        long held = paper.stream().filter(Claim::holds).count();
        long checksHeld = checks.stream().filter(Claim::holds).count();
        h.append("<p class=\"headline\"><strong>").append(held).append(" of ").append(paper.size())
                .append(" paper claims hold.</strong> ");
        List<Claim> failed = paper.stream().filter(c -> !c.holds()).toList();
        if (!failed.isEmpty()) {
            h.append("Not reproduced: ");
            for (int i = 0; i < failed.size(); i++) {
                Claim c = failed.get(i);
                h.append(i == 0 ? "" : "; ").append(esc(c.statement())).append(" (").append(esc(c.figure()))
                        .append(")");
            }
            h.append(". ");
        }
        h.append("<span class=\"meta\">").append(checksHeld).append(" of ").append(checks.size())
                .append(" implementation checks pass (listed apart: they guard psychonet, they are not findings)."
                        + "</span></p>\n");

        List<PanelView> all = sections.stream().flatMap(s -> s.panels().stream()).toList();
        Map<String, List<PanelView>> byFigure = new LinkedHashMap<>();
        for (PaperFigures.PaperFigure f : PaperFigures.FIGURES) {
            List<PanelView> ps = all.stream().filter(p -> p.figure().equals(f.id()))
                    .sorted(Comparator.comparingInt((PanelView p) -> PaperFigures.order(p.panel()))).toList();
            if (!ps.isEmpty()) {
                byFigure.put(f.id(), ps);
            }
        }
        List<PanelView> beyond = all.stream().filter(p -> p.figure().isEmpty()).toList();
        h.append("<nav><p>Figures: ");
        for (String f : byFigure.keySet()) {
            h.append("<a href=\"#").append(f).append("\">").append(esc(PaperFigures.label(f))).append("</a> · ");
        }
        h.append(beyond.isEmpty() ? "" : "<a href=\"#beyond\">Beyond the paper</a> · ")
                .append("<a href=\"#experiments\">Experiments and settings</a> · <a href=\"#claims\">Paper claims</a> · "
                        + "<a href=\"#checks\">Implementation checks</a></p></nav>\n");

        for (Map.Entry<String, List<PanelView>> e : byFigure.entrySet()) {
            PaperFigures.PaperFigure f = PaperFigures.figure(e.getKey()).orElseThrow();
            h.append("<section id=\"").append(f.id()).append("\">\n<h2>").append(esc(f.label())).append(" — ")
                    .append(esc(f.title())).append("</h2>\n<div class=\"panels\">\n");
            for (PanelView p : e.getValue()) {
                figure(h, p, sections);
            }
            h.append("</div>\n");
            List<Claim> about = claims.stream().filter(c -> figureOf(c.figure()).map(f.id()::equals).orElse(false))
                    .toList();
            if (!about.isEmpty()) {
                h.append("<ul class=\"claims\">\n");
                for (Claim c : about) {
                    h.append("<li class=\"").append(c.holds() ? "holds" : "fails").append("\">")
                            .append(c.kind() == Claim.Kind.CHECK ? "check: " : "").append(esc(c.statement()))
                            .append(" — <strong>").append(c.holds() ? "holds" : "does not hold").append("</strong> (")
                            .append(esc(c.metric())).append(" = ").append(esc(measured(c))).append(", held to ")
                            .append(esc(c.bound())).append(")</li>\n");
                }
                h.append("</ul>\n");
            }
            h.append("</section>\n");
        }
        if (!beyond.isEmpty()) {
            h.append("<section id=\"beyond\">\n<h2>Beyond the paper</h2>\n<div class=\"panels\">\n");
            for (PanelView p : beyond) {
                figure(h, p, sections);
            }
            h.append("</div>\n</section>\n");
        }

        h.append("<section id=\"experiments\">\n<h2>Experiments and settings</h2>\n");
        for (Section s : sections) {
            h.append("<h3 id=\"").append(esc(s.id())).append("\">").append(esc(s.title()))
                    .append(" <span class=\"meta\">(").append(esc(s.figures())).append(s.cached() ? "; reused from cache" : "")
                    .append(")</span></h3>\n<p class=\"reading\">").append(esc(s.reading())).append("</p>\n");
            if (!s.dataFiles().isEmpty()) {
                h.append("<p class=\"meta\">Data (beside this page): ");
                for (String d : s.dataFiles()) {
                    h.append("<a href=\"").append(esc(d)).append("\">").append(esc(d)).append("</a> ");
                }
                h.append("</p>\n");
            }
            h.append("<details><summary>Settings</summary><pre>").append(esc(s.settingsJson()))
                    .append("</pre></details>\n");
        }
        h.append("</section>\n");

        h.append("<section id=\"claims\"><h2>Paper claims</h2>\n"
                + "<p class=\"meta\">Findings of the paper, each of which could come out otherwise; its bound was written in "
                + "code before the run. Values are means over seeds ± standard error, with n.</p>\n");
        claimTable(h, paper);
        h.append("</section>\n<section id=\"checks\"><h2>Implementation checks</h2>\n<p class=\"meta\">Properties of "
                + "psychonet's own construction (stimuli, tables, worlds): they guard the implementation and are not "
                + "counted as findings.</p>\n");
        claimTable(h, checks);
        h.append("</section>\n");
        // Records on <body> whether every panel drew, and any script error: read by tests, shown to readers.
        h.append("<script>\nvar errors=0;window.addEventListener('error',function(){errors++;},true);\n"
                + "window.addEventListener('load',function(){var imgs=document.images,bad=[];\n"
                + "for(var i=0;i<imgs.length;i++){if(!imgs[i].complete||imgs[i].naturalWidth===0){bad.push(imgs[i].alt);"
                + "imgs[i].style.outline='3px solid red';}}\n"
                + "var svgs=document.querySelectorAll('figure > svg');\n"
                + "for(var j=0;j<svgs.length;j++){var b=svgs[j].getBBox();if(!(b.width>0&&b.height>0)){"
                + "bad.push('svg '+j);svgs[j].style.outline='3px solid red';}}\n"
                + "document.body.setAttribute('data-images-ok',bad.length===0?'true':'false');\n"
                + "document.body.setAttribute('data-broken',bad.join(' '));\n"
                + "document.body.setAttribute('data-images',String(imgs.length+svgs.length));\n"
                + "document.body.setAttribute('data-errors',String(errors));});\n</script>\n");
        h.append("</body></html>\n");
        Files.writeString(file, h.toString(), StandardCharsets.UTF_8);
    }

    /** One panel: the drawing, then "Fig. 2c — title", what the paper's panel showed, and what was measured. */
    private static void figure(StringBuilder h, PanelView p, List<Section> sections) {
        h.append("<figure data-panel=\"").append(esc(p.panel())).append("\" data-step=\"").append(esc(p.step()))
                .append("\">\n");
        if (p.svg() != null) {
            h.append(p.svg()).append('\n');
        } else {
            h.append("<img src=\"").append(p.pngDataUri()).append("\" alt=\"").append(esc(p.file())).append("\">\n");
        }
        String experiment = sections.stream().filter(s -> s.id().equals(p.step())).map(Section::title).findFirst()
                .orElse(p.step());
        h.append("<figcaption><strong>").append(esc(p.label().isEmpty() ? "" : p.label() + " — "))
                .append(esc(p.title())).append("</strong>");
        if (!p.paperShowed().isEmpty()) {
            h.append("<br><span class=\"paper\">In the paper: ").append(esc(p.paperShowed())).append("</span>");
        }
        h.append("<br><span class=\"here\">Here: ").append(esc(p.measured().isEmpty() ? "" : p.measured() + " "))
                .append("<a href=\"#").append(esc(p.step())).append("\">").append(esc(experiment)).append("</a>; file <a href=\"")
                .append(esc(p.file())).append("\">").append(esc(p.file())).append("</a>.</span></figcaption>\n</figure>\n");
    }

    private static void claimTable(StringBuilder h, List<Claim> claims) {
        h.append("<table>\n<thead><tr><th>claim</th><th>figure</th>"
                + "<th>metric</th><th>measured (mean ± s.e., n)</th><th>held to</th><th>verdict</th><th>settings</th>"
                + "</tr></thead>\n<tbody>\n");
        for (Claim c : claims) {
            h.append("<tr class=\"claim ").append(c.holds() ? "holds" : "fails").append("\" data-id=\"")
                    .append(esc(c.id())).append("\" data-kind=\"").append(c.kind().label()).append("\"><td>")
                    .append(esc(c.statement())).append("</td><td>")
                    .append(esc(c.figure())).append("</td><td><code>").append(esc(c.metric())).append("</code></td><td>")
                    .append(esc(measured(c))).append("</td><td>").append(esc(c.bound())).append("</td><td class=\"verdict\">")
                    .append(c.holds() ? "holds" : "does not hold").append("</td><td>").append(esc(c.settings()))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    /** "0.98 ± 0.01 (s.e., n = 3)" or "0.98 (n = 1)". */
    public static String measured(Claim c) {
        String v = fmt(c.value().mean());
        return c.value().n() < 2 ? v + " (n = 1)" : v + " ± " + fmt(c.value().se()) + " (s.e., n = " + c.value().n() + ")";
    }

    static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        double a = Math.abs(v);
        return a != 0 && (a < 1e-3 || a >= 1e5) ? String.format(Locale.ROOT, "%.3g", v)
                : String.format(Locale.ROOT, "%.4g", v);
    }

    /** Files of a folder with an extension, relative to {@code base}, sorted. */
    public static List<String> files(Path base, Path dir, String extension) throws IOException {
        List<String> r = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return r;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith(extension)).sorted()
                    .forEach(p -> r.add(base.relativize(p).toString().replace('\\', '/')));
        }
        return r;
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    /** The paper figure a free-text reference names ("Fig. 5c / eq. 7" → "fig5"), if any. */
    static Optional<String> figureOf(String reference) {
        return PaperFigures.reference(reference).flatMap(PaperFigures::figure).map(PaperFigures.PaperFigure::id);
    }
}
