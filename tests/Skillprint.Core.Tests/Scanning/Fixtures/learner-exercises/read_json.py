# Exercise 5: read a JSON file
import json

with open("data.json") as handle:
    data = json.load(handle)

print(data["title"])
