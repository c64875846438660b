"""The dashboard's server process: settings that are not Streamlit UI (sockets, memory,
the garbage collector). Imports only libraries, never Streamlit or the project's layers."""
