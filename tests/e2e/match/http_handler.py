def http_handler(response):
    match response:
        case {"status": 200, "body": data}:
            return f"Success: {data}"
        case {"status": 404}:
            return "Not Found"
        case {"status": 500} | {"status": 503}:
            return "Server Error"
        case _:
            return "Unknown"


print(http_handler({"status": 200, "body": "hello"}))
print(http_handler({"status": 200}))
print(http_handler({"status": 404, "body": "x"}))
print(http_handler({"status": 500}))
print(http_handler({"status": 503, "retry": 5}))
print(http_handler({"status": 418}))
print(http_handler([200, "body"]))
print(http_handler("status"))
print(http_handler({}))
print(http_handler({"status": 200.0, "body": [1, 2]}))
print(http_handler({"status": True, "body": 1}))
