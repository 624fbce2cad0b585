from tasker.main import app

app(prog_name="tasker")
