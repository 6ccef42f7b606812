// The ingest page: while a job runs, poll /api/jobs/<id> and move the <progress> bar;
// when it ends, reload so that the server renders the report (no HTML is built here).
(function () {
  "use strict";
  var section = document.getElementById("job");
  if (!section) return;
  var state = section.getAttribute("data-state");
  if (state !== "queued" && state !== "running") return;
  var id = section.getAttribute("data-job-id");
  var bar = document.getElementById("ingest-progress");
  var stateText = document.getElementById("job-state");
  var count = document.getElementById("job-count");

  function poll() {
    fetch("/api/jobs/" + encodeURIComponent(id), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (job) {
        bar.max = Math.max(job.total, 1);
        bar.value = job.done;
        stateText.textContent = job.state;
        count.textContent = job.done + " of " + job.total;
        section.setAttribute("data-state", job.state);
        if (job.state === "done" || job.state === "failed") {
          window.location.reload();
        } else {
          window.setTimeout(poll, 500);
        }
      })
      .catch(function () { window.setTimeout(poll, 2000); });
  }
  poll();
})();
