package io.antfleet.store;

import io.antfleet.fleet.ProcessManager;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/** {@link ProcessManager} as the label users know ({@code antctl+user}, {@code antctl+sudo}). */
final class ProcessManagerTypeHandler extends BaseTypeHandler<ProcessManager> {
    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, ProcessManager parameter, JdbcType jdbcType) throws SQLException {
        ps.setString(i, parameter.label());
    }

    @Override
    public ProcessManager getNullableResult(ResultSet rs, String columnName) throws SQLException {
        return of(rs.getString(columnName));
    }

    @Override
    public ProcessManager getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        return of(rs.getString(columnIndex));
    }

    @Override
    public ProcessManager getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        return of(cs.getString(columnIndex));
    }

    private static ProcessManager of(String value) {
        return value == null ? null : ProcessManager.fromLabel(value);
    }
}
