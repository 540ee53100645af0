using DevEx.Reports.Charts;

namespace DevEx.Server.Dashboards.Views;

/// <summary>The site's one stylesheet, inline in every page (no external asset); the level badges' colours from <see cref="LevelPalette"/>.</summary>
internal static class PageStyles
{
    public static readonly string Css = """
        @font-face{font-family:"DejaVu Sans";src:url(/assets/DejaVuSans.ttf) format("truetype");font-weight:normal}
        @font-face{font-family:"DejaVu Sans";src:url(/assets/DejaVuSans-Bold.ttf) format("truetype");font-weight:bold}
        *{box-sizing:border-box}
        body{font-family:"DejaVu Sans",system-ui,sans-serif;margin:0;color:#1a1a1a;background:#f6f7f9;font-size:15px;line-height:1.45}
        a{color:#0b57d0}a:focus-visible,button:focus-visible,select:focus-visible,input:focus-visible{outline:3px solid #e69f00;outline-offset:2px}
        header.top{background:#fff;padding:1rem 1.5rem .5rem;border-bottom:1px solid #d9dce1}
        .brand{margin:0;font-weight:bold}.brand a{text-decoration:none;color:#1a1a1a}
        h1{margin:.2rem 0;font-size:1.5rem}.intro{margin:.2rem 0 .4rem;color:#444;max-width:70rem}
        nav{background:#fff;border-bottom:1px solid #d9dce1;padding:0 1.5rem}
        nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.2rem 1.2rem}
        nav a{display:inline-block;padding:.55rem 0;text-decoration:none;color:#333}
        nav a[aria-current=page]{color:#0b57d0;font-weight:bold;border-bottom:3px solid #0b57d0}
        main{padding:1rem 1.5rem;display:grid;grid-template-columns:repeat(6,minmax(0,1fr));gap:1rem}
        .filters{grid-column:1/-1;display:flex;flex-wrap:wrap;gap:.6rem 1rem;align-items:end;background:#fff;padding:.7rem 1rem;border:1px solid #d9dce1;border-radius:6px}
        .filters label{display:flex;flex-direction:column;font-size:.85rem;color:#333}
        select,input,button,.button{font:inherit;padding:.3rem .45rem;border:1px solid #8a8f98;border-radius:4px;background:#fff;color:#1a1a1a}
        button{background:#0b57d0;color:#fff;border-color:#0b57d0;cursor:pointer}.button{text-decoration:none;color:#0b57d0;border-color:#0b57d0}
        .panel{background:#fff;border:1px solid #d9dce1;border-radius:6px;padding:.8rem 1rem;min-width:0}
        .panel.full{grid-column:span 6}.panel.half{grid-column:span 3}.panel.third{grid-column:span 2}
        @media (max-width:1000px){.panel.half,.panel.third{grid-column:span 6}}
        .panel h2{font-size:1.05rem;margin:0 0 .2rem}.help{color:#4a4f57;font-size:.85rem;margin:0 0 .5rem}
        .stat-value{font-size:2rem;font-weight:bold;margin:.2rem 0}.stat-value a{text-decoration:none}.trend,.caption{margin:.1rem 0;color:#333}
        .level{display:inline-block;padding:.05rem .45rem;border-radius:.3rem;font-size:.8rem;font-weight:bold;vertical-align:middle}
        .no-level{font-size:.8rem;font-style:italic;vertical-align:middle}
        LEVELS
        .table-wrap{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.88rem}
        th,td{padding:.32rem .5rem;border-bottom:1px solid #e3e5e8;text-align:left;vertical-align:top}
        td.clip{max-width:0;width:35%;min-width:5rem;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
        th .unit{display:block;font-size:.78rem;font-weight:normal;color:#4a4f57}
        thead th{background:#f1f3f5;font-weight:bold}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        .delta{color:#4a4f57;font-size:.8rem}.pivot .delta{display:block}.pivot th,.pivot td{padding:.3rem .4rem}.muted{color:#4a4f57;font-size:.85rem}.note{color:#4a4f57;font-size:.82rem;font-style:italic}
        .error{color:#a8001e;font-weight:bold}.refused{color:#4a4f57}.panel-links{margin:.4rem 0 0;font-size:.8rem}
        figure.chart{margin:0}figure.chart svg{width:100%;height:auto;display:block}
        .doc{max-width:62rem}.doc h2{font-size:1.25rem;margin:1.4rem 0 .4rem}.doc h3{font-size:1.05rem;margin:1rem 0 .3rem}
        .doc pre{overflow-x:auto;background:#f1f3f5;padding:.5rem .7rem}.doc code{font-size:.88em}.doc table{width:auto;margin:.4rem 0}
        details{margin-top:.3rem}summary{cursor:pointer;color:#0b57d0;font-size:.85rem}
        footer{padding:0 1.5rem 1.5rem;color:#4a4f57;font-size:.85rem}.problems{background:#fff4f4;border:1px solid #a8001e;padding:.5rem 1rem;border-radius:6px;color:#1a1a1a}
        .problems h2{font-size:1rem;margin:.2rem 0}
        @media print{nav,.filters,.panel-links,details{display:none}body{background:#fff}.panel{break-inside:avoid}}
        """.Replace("LEVELS", LevelPalette.Css(), StringComparison.Ordinal);
}
