# Exercise 6: an HTTP request
import requests

response = requests.get("https://api.github.com")
print(response.status_code)
