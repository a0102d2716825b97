package org.psychonet.reproduce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.psychonet.experiment.Claim;

/**
 * One self-contained page: a section per experiment with its panels (the PNGs beside the page), its
 * settings and a one-line reading, then the table of claims. No network access: no external scripts,
 * fonts or styles. A small inline script records on the page whether every image loaded (for tests
 * and for readers: broken panels are flagged).
 */
public final class HtmlReport {

    /** A section of the report: panels are paths relative to the page. */
    public record Section(String id, String title, String figures, String reading, String settingsJson,
                          List<String> panels, List<String> dataFiles, boolean cached) {
    }

    private HtmlReport() {
    }

    public static void write(Path file, String title, String provenance, List<Section> sections, List<Claim> claims)
            throws IOException {
        StringBuilder h = new StringBuilder(16384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>").append(esc(title))
                .append("</title>\n<style>\n")
                .append("body{font-family:system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;max-width:1180px;"
                        + "margin:2em auto;padding:0 1em;color:#222;line-height:1.45}\n")
                .append("h1{font-size:1.7em}h2{border-bottom:2px solid #ddd;padding-bottom:.2em;margin-top:2em}\n")
                .append(".reading{font-size:1.05em;background:#f4f6fa;border-left:4px solid #4a6fa5;padding:.5em .8em}\n")
                .append(".panels{display:flex;flex-wrap:wrap;gap:12px}.panels figure{margin:0;width:560px}\n")
                .append(".panels img{width:100%;border:1px solid #ddd}.panels figcaption{font-size:.85em;color:#555}\n")
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
        h.append("<p><a href=\"#claims\">Table of claims</a>: <strong>").append(held).append(" of ")
                .append(paper.size()).append(" paper claims hold</strong>; ").append(checksHeld).append(" of ")
                .append(checks.size()).append(" implementation checks pass. Sections: ");
        for (Section s : sections) {
            h.append("<a href=\"#").append(esc(s.id())).append("\">").append(esc(s.title())).append("</a> · ");
        }
        h.append("</p>\n");
        for (Section s : sections) {
            h.append("<section id=\"").append(esc(s.id())).append("\">\n<h2>").append(esc(s.title()))
                    .append(" <span class=\"meta\">(").append(esc(s.figures())).append(s.cached() ? "; reused from cache" : "")
                    .append(")</span></h2>\n");
            h.append("<p class=\"reading\">").append(esc(s.reading())).append("</p>\n<div class=\"panels\">\n");
            for (String p : s.panels()) {
                h.append("<figure><img src=\"").append(esc(p)).append("\" alt=\"").append(esc(p))
                        .append("\"><figcaption>").append(esc(caption(p))).append("</figcaption></figure>\n");
            }
            h.append("</div>\n");
            if (!s.dataFiles().isEmpty()) {
                h.append("<p class=\"meta\">Data: ");
                for (String d : s.dataFiles()) {
                    h.append("<a href=\"").append(esc(d)).append("\">").append(esc(d)).append("</a> ");
                }
                h.append("</p>\n");
            }
            h.append("<details><summary>Settings</summary><pre>").append(esc(s.settingsJson()))
                    .append("</pre></details>\n</section>\n");
        }
        h.append("<section id=\"claims\"><h2>Table of claims: findings of the paper</h2>\n"
                + "<p class=\"meta\">Each row could come out otherwise; its bound was written in code before the run. "
                + "Values are means over seeds ± standard error, with n.</p>\n");
        claimTable(h, paper);
        h.append("<h2 id=\"checks\">Implementation checks</h2>\n<p class=\"meta\">Properties of psychonet's own "
                + "construction (stimuli, tables, worlds): they guard the implementation and are not counted as "
                + "findings.</p>\n");
        claimTable(h, checks);
        h.append("</section>\n");
        // Records on <body> whether every panel loaded, and any script error: read by tests, shown to readers.
        h.append("<script>\nvar errors=0;window.addEventListener('error',function(){errors++;},true);\n"
                + "window.addEventListener('load',function(){var imgs=document.images,bad=[];\n"
                + "for(var i=0;i<imgs.length;i++){if(!imgs[i].complete||imgs[i].naturalWidth===0){bad.push(imgs[i].alt);"
                + "imgs[i].style.outline='3px solid red';}}\n"
                + "document.body.setAttribute('data-images-ok',bad.length===0?'true':'false');\n"
                + "document.body.setAttribute('data-broken',bad.join(' '));\n"
                + "document.body.setAttribute('data-images',String(imgs.length));\n"
                + "document.body.setAttribute('data-errors',String(errors));});\n</script>\n");
        h.append("</body></html>\n");
        Files.writeString(file, h.toString(), StandardCharsets.UTF_8);
    }

    private static void claimTable(StringBuilder h, List<Claim> claims) {
        h.append("<table>\n<thead><tr><th>claim</th><th>figure</th>"
                + "<th>metric</th><th>measured</th><th>held to</th><th>verdict</th><th>settings</th></tr></thead>\n<tbody>\n");
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

    private static String caption(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).replace(".png", "").replace('_', ' ');
        return name;
    }

    /** PNG and CSV files of a folder, relative to {@code base}, sorted. */
    public static List<String> files(Path base, Path dir, String extension) throws IOException {
        List<String> r = new ArrayList<>();
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
}
