// medlint review page: everything runs against this page's own server; nothing is stored.
"use strict";

const $ = (id) => document.getElementById(id);
const state = { name: null, result: null };
const CATEGORY = {
  overclaim: "夸大宣传 overclaim",
  disclaimer: "免责声明 disclaimer",
  contraindication: "禁忌提示 contraindication",
  "urgent-warning": "就医提示 urgent warning",
  suppression: "抑制注释 suppression",
};

function articleName() {
  if (state.name) return state.name;
  return "article." + $("format").value;
}

function showError(message) {
  const box = $("error");
  box.textContent = message || "";
  box.hidden = !message;
}

async function post(path, body, headers) {
  let response;
  try {
    response = await fetch(path, { method: "POST", body, headers });
  } catch (error) {
    return { error: "medlint serve is not reachable (is it still running?)" };
  }
  try {
    return await response.json();
  } catch (error) {
    return { error: `unexpected answer (${response.status})` };
  }
}

function postJSON(path) {
  const body = JSON.stringify({ text: $("text").value, name: articleName() });
  return post(path, body, { "Content-Type": "application/json" });
}

async function check() {
  setBusy(true);
  $("status").textContent = "";
  const result = await postJSON("/api/check");
  setBusy(false);
  render(result);
}

async function fix() {
  setBusy(true);
  const result = await postJSON("/api/fix");
  setBusy(false);
  if (!result.error && typeof result.text === "string") $("text").value = result.text;
  render(result);
  if (!result.error) {
    const fixed = result.fixed_rules || [];
    $("status").textContent = fixed.length
      ? `已修正 ${fixed.length} 处 fixed (${[...new Set(fixed)].join(", ")})；可下载修改后的文章 download it below`
      : "没有可以安全自动修正的问题 nothing can be fixed safely";
  }
}

function download() {
  const blob = new Blob([$("text").value], { type: "text/plain;charset=utf-8" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = articleName();
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

function setBusy(busy) {
  for (const id of ["check", "fix", "download"]) $(id).disabled = busy;
  document.body.setAttribute("aria-busy", busy ? "true" : "false");
}

function render(result) {
  state.result = result;
  showError(result.error);
  if (result.error && !result.violations) {
    $("result").hidden = true;
    return;
  }
  $("result").hidden = false;
  renderCounts(result.violations || [], result.counts || {});
  renderArticle(result.text || "", result.violations || []);
  renderList(result.violations || [], result.explanations || {});
}

function renderCounts(violations, counts) {
  const box = $("counts");
  box.replaceChildren();
  const total = document.createElement("span");
  total.className = "count total";
  total.textContent = violations.length ? `共 ${violations.length} 个问题 violations` : "未发现问题 no violations";
  total.id = "total";
  box.appendChild(total);
  for (const [category, count] of Object.entries(counts).sort()) {
    const chip = document.createElement("span");
    chip.className = "count";
    chip.dataset.category = category;
    chip.append(CATEGORY[category] || category);
    const number = document.createElement("b");
    number.textContent = String(count);
    chip.appendChild(number);
    box.appendChild(chip);
  }
}

const RANK = { error: 2, warning: 1, info: 0 };

function renderArticle(text, violations) {
  // Offsets are in code points (as medlint counts); Array.from splits a string the same way.
  const chars = Array.from(text);
  const cuts = new Set([0, chars.length]);
  for (const v of violations) {
    cuts.add(Math.min(v.start, chars.length));
    cuts.add(Math.min(Math.max(v.end, v.start + 1), chars.length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const box = $("article");
  box.replaceChildren();
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const piece = chars.slice(from, to).join("");
    const covering = violations
      .map((v, index) => ({ v, index }))
      .filter(({ v }) => v.start < to && Math.max(v.end, v.start + 1) > from);
    if (!covering.length) {
      box.append(piece);
      continue;
    }
    const mark = document.createElement("mark");
    const worst = covering.reduce((a, b) => (RANK[b.v.severity] > RANK[a.v.severity] ? b : a));
    mark.className = worst.v.severity;
    mark.dataset.violations = covering.map(({ index }) => index).join(" ");
    mark.dataset.rules = covering.map(({ v }) => v.rule).join(" ");
    mark.title = covering.map(({ v }) => `${v.rule} ${v.message}`).join("\n");
    mark.textContent = piece;
    mark.tabIndex = 0;
    const show = () => focusViolation(covering[covering.length - 1].index);
    mark.addEventListener("click", show);
    mark.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        show();
      }
    });
    box.appendChild(mark);
  }
}

function renderList(violations, explanations) {
  const list = $("list");
  list.replaceChildren();
  violations.forEach((v, index) => {
    const item = document.createElement("li");
    item.id = `v-${index}`;
    item.className = v.severity;
    item.dataset.rule = v.rule;
    const head = document.createElement("div");
    head.className = "head";
    const code = document.createElement("code");
    code.textContent = v.rule;
    head.append(code, ` ${v.name} · ${CATEGORY[v.category] || v.category} · ${v.severity} · 第 ${v.line} 行 line, 第 ${v.column} 列 col`);
    const message = document.createElement("div");
    message.className = "message";
    message.textContent = v.message;
    item.append(head, message);
    if (v.text) {
      const quote = document.createElement("div");
      quote.className = "quote";
      quote.textContent = `“${v.text}”`;
      item.appendChild(quote);
    }
    if (v.suggestion) {
      const suggestion = document.createElement("div");
      suggestion.className = "suggestion";
      suggestion.textContent = v.suggestion;
      item.appendChild(suggestion);
    }
    if (v.basis) {
      const basis = document.createElement("div");
      basis.className = "basis";
      basis.textContent = v.basis;
      item.appendChild(basis);
    }
    const about = explanations[v.rule];
    if (about && about.description) {
      const details = document.createElement("details");
      const summary = document.createElement("summary");
      summary.textContent = "规则说明 about this rule";
      const body = document.createElement("p");
      body.textContent = about.description;
      details.append(summary, body);
      item.appendChild(details);
    }
    item.addEventListener("click", () => focusViolation(index, true));
    list.appendChild(item);
  });
}

function focusViolation(index, scrollToMark) {
  for (const element of document.querySelectorAll(".active")) element.classList.remove("active");
  const item = $(`v-${index}`);
  const marks = [...document.querySelectorAll("mark")].filter((m) =>
    m.dataset.violations.split(" ").includes(String(index)));
  for (const mark of marks) mark.classList.add("active");
  if (item) item.classList.add("active");
  const target = scrollToMark ? marks[0] : item;
  if (target) target.scrollIntoView({ block: "nearest", behavior: "smooth" });
}

async function openFile(file) {
  if (!file) return;
  setBusy(true);
  const result = await post("/api/decode", file, {
    "Content-Type": "application/octet-stream",
    "X-Filename": encodeURIComponent(file.name),
  });
  setBusy(false);
  if (result.error) {
    render({ error: result.error });
    return;
  }
  state.name = result.name;
  const suffix = result.name.split(".").pop().toLowerCase();
  $("format").value = { markdown: "md", htm: "html" }[suffix] || suffix;
  $("text").value = result.text;
  await check();
}

function setup() {
  $("check").addEventListener("click", check);
  $("fix").addEventListener("click", fix);
  $("download").addEventListener("click", download);
  $("format").addEventListener("change", () => {
    if (state.name) state.name = state.name.replace(/\.[^.]*$/, "") + "." + $("format").value;
  });
  $("file").addEventListener("change", (event) => openFile(event.target.files[0]));
  const area = $("text");
  area.addEventListener("paste", (event) => {  // a pasted page is HTML unless told otherwise
    const pasted = event.clipboardData ? event.clipboardData.getData("text") : "";
    if (!state.name && !area.value.trim() && /^\s*<(!doctype|html)/i.test(pasted)) {
      $("format").value = "html";
    }
  });
  area.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) check();
  });
  for (const type of ["dragenter", "dragover"]) {
    document.addEventListener(type, (event) => {
      event.preventDefault();
      area.classList.add("dragging");
    });
  }
  document.addEventListener("dragleave", () => area.classList.remove("dragging"));
  document.addEventListener("drop", (event) => {
    event.preventDefault();
    area.classList.remove("dragging");
    openFile(event.dataTransfer.files[0]);
  });
}

setup();
