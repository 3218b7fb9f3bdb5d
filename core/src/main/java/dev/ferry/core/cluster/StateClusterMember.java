package dev.ferry.core.cluster;

import org.apache.camel.cluster.CamelClusterMember;

/**
 * A node as a namespace's view sees it: this one, or the leader the state database names.
 *
 * @param id     the lease holder's {@code process <pid> on <host>}
 * @param leader whether it held the namespace's lease when last seen
 * @param local  whether it is this process
 */
record StateClusterMember(String id, boolean leader, boolean local) implements CamelClusterMember {

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isLeader() {
        return leader;
    }

    @Override
    public boolean isLocal() {
        return local;
    }
}
