"""The `[pagination]` tables of the vendors' lists that detection leaves alone, exactly as
README.md documents them (a test checks that it still does)."""

from __future__ import annotations

RETELL = """\
[pagination.agent_versions]                 # a cursor of two fields: id and version
cursor = ["pagination_key", "pagination_key_version"]
cursor_item = ["agent_id", "version"]       # ...from the last item, in the same order
operations = ["GET /list-agents", "GET /list-chat-agents"]

[pagination.flow_versions]
cursor = ["pagination_key", "pagination_key_version"]
cursor_item = ["conversation_flow_id", "version"]
operations = ["GET /list-conversation-flows"]

[pagination.llm_versions]
cursor = ["pagination_key", "pagination_key_version"]
cursor_item = ["llm_id", "version"]
operations = ["GET /list-retell-llms"]

[pagination.last_chat]
cursor = "pagination_key"
cursor_item = "chat_id"
operations = ["GET /list-chat"]

[pagination.last_call]                      # the cursor goes in the JSON body
cursor = "pagination_key"
cursor_item = "call_id"                     # every variant of the item union has it
operations = ["POST /v2/list-calls"]
"""

CARTESIA = """\
[pagination.agent_calls]                    # like the other lists, without has_more
items = "data"
cursor = "starting_after"
next_cursor = "next_page"
operations = ["GET /agents/calls"]
"""

API_TOML = {"retell": RETELL, "cartesia": CARTESIA}
