"""A person's diary on the web: entries in and out (``entries``), the seams where the diary engine plugs
in (``seams``), and export of everything a person keeps (``my_data``)."""
