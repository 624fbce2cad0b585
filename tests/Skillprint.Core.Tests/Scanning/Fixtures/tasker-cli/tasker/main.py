import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(help="Keep a list of tasks.")
projects = typer.Typer(help="Group tasks into projects.")
app.add_typer(projects, name="projects")
console = Console()
STORE = Path.home() / ".tasker.json"


def load() -> list[dict]:
    if not STORE.exists():
        return []
    return json.loads(STORE.read_text())


def save(tasks: list[dict]) -> None:
    STORE.write_text(json.dumps(tasks, indent=2))


@app.command()
def add(title: str, priority: int = typer.Option(2, "--priority", "-p", min=1, max=5)) -> None:
    """Add a task."""
    tasks = load()
    tasks.append({"title": title, "priority": priority, "done": False})
    save(tasks)
    console.print(f"[green]added[/green] {title}")


@app.command("list")
def list_tasks(all_: bool = typer.Option(False, "--all", help="Show done tasks too.")) -> None:
    """List tasks."""
    table = Table("#", "Title", "Priority", "Done")
    for number, task in enumerate(load(), start=1):
        if task["done"] and not all_:
            continue
        table.add_row(str(number), task["title"], str(task["priority"]), "yes" if task["done"] else "")
    console.print(table)


@app.command()
def clear(force: bool = typer.Option(False, "--force", help="Remove without asking.")) -> None:
    """Remove every task."""
    if not force:
        console.print("[yellow]add --force to remove every task[/yellow]")
        return
    save([])


@projects.command("show")
def show_project(name: str) -> None:
    """Show the tasks of a project."""
    console.print([t for t in load() if t.get("project") == name])
