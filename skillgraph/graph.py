"""The role–skill–team graph (networkx ``DiGraph``).

Schema — the contract that queries, RDF export and the HTML view rely on.

Nodes (id → attributes; every node has ``kind`` and ``label``):

==============  =============================  ===============================================
kind            id                             other attributes
==============  =============================  ===============================================
``role``        ``role:<slug of posting id>``  ``title``, ``posting`` (posting id), ``source``,
                                               ``company``, ``locations`` (list), ``seniority``,
                                               ``work_mode``, ``min_years``, ``degrees`` (list),
                                               ``salary`` (dict or None)
``skill``       the concept id                 ``iri``, ``definition``, ``skill_kind``,
                (``skill:diffusion-models``,   ``alt_labels`` (list), ``demand`` (number of roles
                ``esco:<uuid>`` or an IRI)     requiring it directly), ``used`` (bool: False for
                                               ancestors added only for the hierarchy)
``team``        ``team:<slug of name>``        ``aliases`` (list)
``company``     ``company:<slug of name>``
``product``     ``product:<slug of name>``
==============  =============================  ===============================================

Edges (source → target; every edge has ``rel``):

=====================  ==================  =======================================================
rel                    source → target     other attributes
=====================  ==================  =======================================================
``requires``           role → skill        ``level`` (strongest: required > responsibility >
                                           preferred > context), ``count`` (mentions),
                                           ``evidence``: list of dicts ``{posting, start, end, text,
                                           sentence, section, requirement}`` sorted by start
``belongs_to``         role → team
``part_of``            team → team
``collaborates_with``  role → team
``works_on``           role → product
``has_role``           company → role
``has_team``           company → team
``broader``            skill → skill       (from the ontology: narrower → broader)
=====================  ==================  =======================================================

Graph attributes (``G.graph``): ``ontology_version``, ``ontology_files`` (list), ``postings`` (count).

Serialised as node-link JSON (``networkx.node_link_data(G, edges="links")``) with nodes and links
sorted, so the same input gives byte-identical files.
"""
