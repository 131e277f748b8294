namespace Releng.Jobs.Tests.GitHub;

/// <summary>
/// A page of <c>GET /repos/{owner}/{repo}/actions/workflows/{file}/runs</c> in the shape GitHub returns (fields
/// trimmed to the ones that matter plus enough of the rest to exercise the parser): newest first, one run still in
/// progress, a scheduled run, a manual dispatch and a webhook run.
/// </summary>
internal static class GitHubRunsSample
{
    public const string Owner = "fedora-releng";
    public const string Repo = "releng-jobs";

    public static string RunsPage() => $$"""
        {
          "total_count": 3,
          "workflow_runs": [
            {
              "id": 14200000003,
              "name": "unretire",
              "node_id": "WFR_kwLOLxyz0s8AAAADTm7vYw",
              "head_branch": "main",
              "head_sha": "5d0c2a5b7e1c3f4a9b8d7e6f5a4b3c2d1e0f9a8b",
              "path": ".github/workflows/unretire.yml",
              "display_title": "unretire",
              "run_number": 412,
              "event": "workflow_dispatch",
              "status": "in_progress",
              "conclusion": null,
              "workflow_id": 98765432,
              "check_suite_id": 31000000003,
              "check_suite_node_id": "CS_kwDOLxyz0s8AAAAHOL2oAw",
              "url": "https://api.github.com/repos/{{Owner}}/{{Repo}}/actions/runs/14200000003",
              "html_url": "https://github.com/{{Owner}}/{{Repo}}/actions/runs/14200000003",
              "pull_requests": [],
              "created_at": "2026-11-24T13:02:11Z",
              "updated_at": "2026-11-24T13:02:40Z",
              "actor": { "login": "jdoe", "id": 1001, "node_id": "U_kgDOAAAD6Q", "type": "User", "site_admin": false, "html_url": "https://github.com/jdoe" },
              "run_attempt": 1,
              "referenced_workflows": [],
              "run_started_at": "2026-11-24T13:02:11Z",
              "triggering_actor": { "login": "jdoe", "id": 1001, "node_id": "U_kgDOAAAD6Q", "type": "User", "site_admin": false, "html_url": "https://github.com/jdoe" },
              "jobs_url": "https://api.github.com/repos/{{Owner}}/{{Repo}}/actions/runs/14200000003/jobs",
              "logs_url": "https://api.github.com/repos/{{Owner}}/{{Repo}}/actions/runs/14200000003/logs",
              "check_suite_url": "https://api.github.com/repos/{{Owner}}/{{Repo}}/check-suites/31000000003",
              "artifacts_url": "https://api.github.com/repos/{{Owner}}/{{Repo}}/actions/runs/14200000003/artifacts",
              "cancel_url": "https://api.github.com/repos/{{Owner}}/{{Repo}}/actions/runs/14200000003/cancel",
              "rerun_url": "https://api.github.com/repos/{{Owner}}/{{Repo}}/actions/runs/14200000003/rerun",
              "previous_attempt_url": null,
              "workflow_url": "https://api.github.com/repos/{{Owner}}/{{Repo}}/actions/workflows/98765432",
              "head_commit": { "id": "5d0c2a5b7e1c3f4a9b8d7e6f5a4b3c2d1e0f9a8b", "tree_id": "aa11bb22cc33dd44ee55ff6677889900aabbccdd", "message": "jobs.yaml: process recent retirements", "timestamp": "2026-11-23T09:14:00Z", "author": { "name": "J. Doe", "email": "jdoe@fedoraproject.org" }, "committer": { "name": "J. Doe", "email": "jdoe@fedoraproject.org" } },
              "repository": { "id": 800000001, "node_id": "R_kgDOLxyz0s", "name": "{{Repo}}", "full_name": "{{Owner}}/{{Repo}}", "private": false, "owner": { "login": "{{Owner}}", "id": 2002, "type": "Organization" }, "html_url": "https://github.com/{{Owner}}/{{Repo}}" },
              "head_repository": { "id": 800000001, "node_id": "R_kgDOLxyz0s", "name": "{{Repo}}", "full_name": "{{Owner}}/{{Repo}}", "private": false, "owner": { "login": "{{Owner}}", "id": 2002, "type": "Organization" }, "html_url": "https://github.com/{{Owner}}/{{Repo}}" }
            },
            {
              "id": 14200000002,
              "name": "unretire",
              "node_id": "WFR_kwLOLxyz0s8AAAADTm7vYg",
              "head_branch": "main",
              "head_sha": "5d0c2a5b7e1c3f4a9b8d7e6f5a4b3c2d1e0f9a8b",
              "path": ".github/workflows/unretire.yml",
              "display_title": "unretire",
              "run_number": 411,
              "event": "repository_dispatch",
              "status": "completed",
              "conclusion": "failure",
              "workflow_id": 98765432,
              "check_suite_id": 31000000002,
              "url": "https://api.github.com/repos/{{Owner}}/{{Repo}}/actions/runs/14200000002",
              "html_url": "https://github.com/{{Owner}}/{{Repo}}/actions/runs/14200000002",
              "pull_requests": [],
              "created_at": "2026-11-24T12:40:05Z",
              "updated_at": "2026-11-24T12:44:51Z",
              "actor": { "login": "releng-bot", "id": 1003, "node_id": "U_kgDOAAAD6w", "type": "User", "site_admin": false },
              "run_attempt": 1,
              "run_started_at": "2026-11-24T12:40:05Z",
              "triggering_actor": { "login": "releng-bot", "id": 1003, "node_id": "U_kgDOAAAD6w", "type": "User", "site_admin": false },
              "jobs_url": "https://api.github.com/repos/{{Owner}}/{{Repo}}/actions/runs/14200000002/jobs",
              "logs_url": "https://api.github.com/repos/{{Owner}}/{{Repo}}/actions/runs/14200000002/logs",
              "workflow_url": "https://api.github.com/repos/{{Owner}}/{{Repo}}/actions/workflows/98765432"
            },
            {
              "id": 14200000001,
              "name": "unretire",
              "node_id": "WFR_kwLOLxyz0s8AAAADTm7vYQ",
              "head_branch": "main",
              "head_sha": "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c",
              "path": ".github/workflows/unretire.yml",
              "display_title": "unretire",
              "run_number": 410,
              "event": "schedule",
              "status": "completed",
              "conclusion": "success",
              "workflow_id": 98765432,
              "check_suite_id": 31000000001,
              "url": "https://api.github.com/repos/{{Owner}}/{{Repo}}/actions/runs/14200000001",
              "html_url": "https://github.com/{{Owner}}/{{Repo}}/actions/runs/14200000001",
              "pull_requests": [],
              "created_at": "2026-11-24T12:23:47Z",
              "updated_at": "2026-11-24T12:26:02Z",
              "actor": { "login": "asmith", "id": 1002, "node_id": "U_kgDOAAAD6g", "type": "User", "site_admin": false },
              "run_attempt": 1,
              "run_started_at": "2026-11-24T12:23:47Z",
              "triggering_actor": { "login": "asmith", "id": 1002, "node_id": "U_kgDOAAAD6g", "type": "User", "site_admin": false },
              "jobs_url": "https://api.github.com/repos/{{Owner}}/{{Repo}}/actions/runs/14200000001/jobs",
              "logs_url": "https://api.github.com/repos/{{Owner}}/{{Repo}}/actions/runs/14200000001/logs",
              "workflow_url": "https://api.github.com/repos/{{Owner}}/{{Repo}}/actions/workflows/98765432"
            }
          ]
        }
        """;
}
