// Small live charts: the last minute of a series as an SVG line, drawn with a few lines of code.

const SVG = "http://www.w3.org/2000/svg";
const POINTS = 60;

export class LineChart {
  constructor(container, title, unit) {
    this.values = [];
    this.unit = unit;
    this.element = document.createElement("div");
    this.element.className = "chart";
    const heading = document.createElement("div");
    heading.className = "title";
    heading.textContent = title;
    this.value = document.createElement("div");
    this.value.className = "value";
    this.svg = document.createElementNS(SVG, "svg");
    this.svg.setAttribute("viewBox", `0 0 ${POINTS - 1} 40`);
    this.svg.setAttribute("preserveAspectRatio", "none");
    this.line = document.createElementNS(SVG, "polyline");
    this.line.setAttribute("vector-effect", "non-scaling-stroke");
    this.svg.append(this.line);
    this.element.append(heading, this.value, this.svg);
    container.append(this.element);
  }

  push(value) {
    this.values.push(value);
    if (this.values.length > POINTS) this.values.shift();
    const max = Math.max(1e-9, ...this.values);
    const offset = POINTS - this.values.length;
    this.line.setAttribute("points", this.values
      .map((v, i) => `${offset + i},${(38 - (v / max) * 36).toFixed(1)}`).join(" "));
    this.value.textContent = `${format(value)} ${this.unit}`;
  }
}

export class Bars {
  constructor(container, title) {
    this.element = document.createElement("div");
    this.element.className = "chart";
    const heading = document.createElement("div");
    heading.className = "title";
    heading.textContent = title;
    this.bars = document.createElement("div");
    this.bars.className = "bars";
    this.element.append(heading, this.bars);
    container.append(this.element);
  }

  show(counts) {
    const entries = Object.entries(counts).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
    const max = Math.max(1, ...entries.map(([, n]) => n));
    this.bars.replaceChildren(...(entries.length === 0 ? [text("none")] : entries.map(([code, n]) => {
      const row = document.createElement("div");
      const bar = document.createElement("span");
      bar.className = "bar";
      bar.style.width = `${Math.round((n / max) * 80)}px`;
      row.append(text(code), bar, text(String(n)));
      return row;
    })));
  }
}

function text(content) {
  const span = document.createElement("span");
  span.textContent = content;
  return span;
}

function format(value) {
  if (Number.isInteger(value)) return String(value);
  return value >= 100 ? Math.round(value).toString() : value.toFixed(value >= 10 ? 1 : 2);
}
